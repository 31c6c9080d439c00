import type { DateTime } from 'luxon';
import { apiPaths } from '../../../functions/contract/contract';
import { COORDINATOR, IFCA, NOW, useApiServer } from '../api/api-test-server';
import { zipEntries } from '../deploy/support/zip-entries';

const PROJECT = 'imagine';
const DELIVERABLE = 'D4.2, submitted 2023-10-30';
let clock: DateTime = NOW;
const api = useApiServer({ overrides: () => ({ now: () => clock }) });

const bearer = (email: string) => ({ authorization: `Bearer ${api.signer.sign({ email })}` });

async function report(format: 'md' | 'html' | 'docx'): Promise<Buffer> {
  const response = await fetch(`${api.baseUrl}${apiPaths.report(PROJECT, 'PY1', format)}`, {
    headers: bearer(COORDINATOR),
  });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/**
 * Word's text and layout. Left out: the package's creation date (docProps/core.xml), and the numbers
 * the docx package gives drawings from a counter that runs for the whole process (renumbered 1, 2...).
 */
async function wordBody(docx: Buffer): Promise<string> {
  const xml = zipEntries(docx).get('word/document.xml')?.toString('utf8') ?? '';
  let drawing = 0;
  return xml.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`);
}

async function reports() {
  const docx = await report('docx');
  return {
    md: (await report('md')).toString('utf8'),
    html: (await report('html')).toString('utf8'),
    word: await wordBody(docx),
  };
}

async function post(as: string, cells: unknown[]) {
  const posted = await api.call('POST', apiPaths.entries(PROJECT), { as, body: { cells } });
  expect(posted.status).toBe(200);
  return posted.body.outcomes[0];
}

/** What changes after a lock without a history of its own: IFCA's PY1 text and the project's title. */
async function rewriteTextAndRenameProject(): Promise<void> {
  const edited = await api.call('PUT', apiPaths.draft(PROJECT, 'ifca-cpu', 'PY1'), {
    as: COORDINATOR,
    body: { text: 'Rewritten a year later: this text must not reach the PY1 report.' },
  });
  expect(edited.status).toBe(200);
  const config = await api.call('GET', apiPaths.config(PROJECT), { as: COORDINATOR });
  config.body.config.project.title = 'iMagine (renamed later)';
  expect(
    (await api.call('PUT', apiPaths.config(PROJECT), { as: COORDINATOR, body: config.body })).status,
  ).toBe(200);
}

/** Lines only `before` has and lines only `after` has, each counted as often as it occurs. */
function lineDiff(before: string, after: string) {
  const left = (lines: string[], other: string[]) => {
    const pool = [...other];
    return lines.filter((line) => {
      const index = pool.indexOf(line);
      if (index === -1) return true;
      pool.splice(index, 1);
      return false;
    });
  };
  // Blank lines only separate blocks.
  const a = before.split('\n').filter((line) => line !== '');
  const b = after.split('\n').filter((line) => line !== '');
  return { removed: left(a, b), added: left(b, a) };
}

describe('the report of a locked window is reproducible', () => {
  it('holds the figures and texts as of the lock after later edits, and shows an amendment as one', async () => {
    await api.seedExample();
    expect((await api.call('POST', apiPaths.drafts(PROJECT, 'PY1'), { as: COORDINATOR })).status).toBe(200);
    clock = NOW.plus({ days: 28 });
    const locked = await api.call('POST', apiPaths.lockPeriod(PROJECT, 'PY1'), {
      as: COORDINATOR,
      body: { deliverable: DELIVERABLE },
    });
    expect(locked.status).toBe(200);

    clock = NOW.plus({ days: 30 });
    const before = await reports();
    expect(before.md).toContain('_Figures as of 2023-10-30T08:00:00.000Z._');
    expect(before.md).toContain(
      `PY1 was locked on 2023-10-30T08:00:00.000Z by ${COORDINATOR} for ${DELIVERABLE}.`,
    );
    expect(before.md).toContain('No figure was amended after the lock.');
    expect(before.html).toContain('<p class="as-of">Figures as of 2023-10-30T08:00:00.000Z.</p>');
    expect(before.word).toContain('Figures as of 2023-10-30T08:00:00.000Z.');

    // A year later: a refused partner edit, the next year's figures, rewritten assessments, a new configuration.
    clock = NOW.plus({ years: 1 });
    expect(
      (await post(IFCA, [{ installationId: 'ifca-cpu', metricId: 'users', periodId: 'P2', raw: '99' }]))
        .status,
    ).toBe('rejected');
    await post(IFCA, [{ installationId: 'ifca-cpu', metricId: 'users', periodId: 'P3', raw: '18' }]);
    await rewriteTextAndRenameProject();

    const again = await reports();
    expect(again.md).toBe(before.md);
    expect(again.html).toBe(before.html);
    expect(again.word).toBe(before.word);

    // The coordinator amends P2 with a reason: the next report shows it, and nothing else changed.
    const amended = await post(COORDINATOR, [
      {
        installationId: 'ifca-cpu',
        metricId: 'users',
        periodId: 'P2',
        raw: '17',
        amendmentReason: 'IFCA recounted P2 users',
      },
    ]);
    expect(amended.status).not.toBe('rejected');
    const after = await reports();
    // Users take the maximum over periods: the year's figure (20) stands, only the P2 cell moves.
    expect(lineDiff(before.md, after.md)).toEqual({
      removed: [
        '| Number of users | 200 | Collected from local AAI system | 20 | 16 | 20 |',
        'No figure was amended after the lock.',
      ],
      added: [
        '| Number of users | 200 | Collected from local AAI system | 20 | 17 | 20 |',
        '1 figure(s) were amended after the lock:',
        '| Installation | Metric | Period | Before | After | Reason | Amended by | When |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        `| IFCA-CSIC Scientific Cloud – CPU | Number of users | P2 | 16 | 17 | IFCA recounted P2 users | ${COORDINATOR} | 2024-10-02T07:00:00.000Z |`,
      ],
    });
    expect(after.html).toContain('<td>IFCA recounted P2 users</td>');
    expect(after.word).toContain('IFCA recounted P2 users');
    // Generated again later, the amended report is the same: the amendment is part of the record.
    clock = NOW.plus({ years: 2 });
    expect((await reports()).md).toBe(after.md);
    // As of a moment before the amendment, the report is the one submitted, byte for byte.
    clock = NOW.plus({ days: 30 });
    const asSubmitted = await reports();
    expect(asSubmitted.md).toBe(before.md);
    expect(asSubmitted.html).toBe(before.html);
    expect(asSubmitted.word).toBe(before.word);
  }, 300_000);

  it('holds the texts and configuration of the last lock when PY1 is closed period by period', async () => {
    clock = NOW;
    await api.seedExample();
    const lock = async (period: string, deliverable: string) => {
      const locked = await api.call('POST', apiPaths.lockPeriod(PROJECT, period), {
        as: COORDINATOR,
        body: { deliverable },
      });
      expect(locked.status).toBe(200);
      return locked.body.lockedAt as string;
    };
    clock = NOW.plus({ days: 1 });
    await lock('P1', 'D4.1, submitted 2023-04-30');
    expect((await api.call('POST', apiPaths.drafts(PROJECT, 'PY1'), { as: COORDINATOR })).status).toBe(200);
    clock = NOW.plus({ days: 28 });
    const lastLockedAt = await lock('P2', DELIVERABLE);

    clock = NOW.plus({ days: 30 });
    const before = (await report('md')).toString('utf8');
    expect(before).toContain(`_Figures as of ${lastLockedAt}._`);

    // Later: the PY1 text rewritten and the project renamed; neither reaches the PY1 report.
    clock = NOW.plus({ years: 1 });
    await rewriteTextAndRenameProject();

    const again = (await report('md')).toString('utf8');
    expect(again).not.toContain('Rewritten a year later');
    expect(again).not.toContain('renamed later');
    expect(again).toBe(before);
  }, 120_000);
});
