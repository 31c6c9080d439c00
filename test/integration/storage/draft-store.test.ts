import { DraftStore } from '../../../functions/storage/draft-store';
import { useDynamoLocal } from '../support/dynamo-local-harness';

const figures = { hours: { P1: 94656, P2: 393888 }, trend: 'up', baselineAttainment: 0.16 };

describe('DraftStore on DynamoDB Local', () => {
  const dynamo = useDynamoLocal();
  const store = () =>
    new DraftStore(dynamo.doc, dynamo.tableName, { now: () => new Date('2023-09-15T10:00:00Z') });

  it('stores generated drafts with the figures they were made from', async () => {
    const drafts = store();
    const saved = await drafts.saveGenerated('imagine', 'PY1', [
      { installationId: 'ifca-cpu', text: 'CPU usage grew from 94,656 to 393,888 hours.', figures },
      { installationId: 'incd-gpu', text: 'The installation was not used in this period.', figures: null },
    ]);

    expect(saved).toEqual({ stored: ['ifca-cpu', 'incd-gpu'], keptEdited: [] });
    expect(await drafts.list('imagine', 'PY1')).toEqual([
      expect.objectContaining({
        installationId: 'ifca-cpu',
        origin: 'generated',
        figures,
        generatedAt: '2023-09-15T10:00:00.000Z',
        editedBy: null,
      }),
      expect.objectContaining({ installationId: 'incd-gpu', figures: null }),
    ]);
  });

  it('never replaces a draft a person edited, and still refreshes the others', async () => {
    const drafts = store();
    await drafts.saveGenerated('imagine', 'PY1', [
      { installationId: 'ifca-cpu', text: 'first generated', figures },
      { installationId: 'ifca-gpu', text: 'first generated', figures },
    ]);
    const edited = await drafts.saveEdited(
      'imagine',
      'PY1',
      'ifca-cpu',
      'Usage quadrupled, driven by two new communities.',
      'coordinator@imagine.example.org',
    );
    expect(edited).toMatchObject({ origin: 'edited', figures, editedBy: 'coordinator@imagine.example.org' });

    const regenerated = await drafts.saveGenerated('imagine', 'PY1', [
      { installationId: 'ifca-cpu', text: 'second generated', figures: { changed: true } },
      { installationId: 'ifca-gpu', text: 'second generated', figures: { changed: true } },
    ]);

    expect(regenerated).toEqual({ stored: ['ifca-gpu'], keptEdited: ['ifca-cpu'] });
    const listed = await drafts.list('imagine', 'PY1');
    expect(listed.map((draft) => [draft.installationId, draft.text])).toEqual([
      ['ifca-cpu', 'Usage quadrupled, driven by two new communities.'],
      ['ifca-gpu', 'second generated'],
    ]);
  });

  it('keeps an edit that races a regeneration', async () => {
    const drafts = store();
    await drafts.saveGenerated('imagine', 'P2', [
      { installationId: 'walton-cpu', text: 'generated', figures },
    ]);

    await Promise.all([
      drafts.saveEdited('imagine', 'P2', 'walton-cpu', 'edited by hand', 'coordinator@imagine.example.org'),
      ...Array.from({ length: 10 }, () =>
        drafts.saveGenerated('imagine', 'P2', [
          { installationId: 'walton-cpu', text: 'regenerated', figures },
        ]),
      ),
    ]);
    await drafts.saveGenerated('imagine', 'P2', [
      { installationId: 'walton-cpu', text: 'regenerated', figures },
    ]);

    expect((await drafts.list('imagine', 'P2')).map((draft) => draft.text)).toEqual(['edited by hand']);
  });

  it('accepts an edit for an installation that had no generated draft', async () => {
    const drafts = store();
    const edited = await drafts.saveEdited('imagine', 'P1', 'ai-development', 'Written by hand.', 'c@x.org');

    expect(edited).toMatchObject({
      text: 'Written by hand.',
      figures: null,
      origin: 'edited',
      generatedAt: null,
    });
  });

  it('keeps windows apart: PY1 drafts are not P1 drafts', async () => {
    const drafts = store();
    await drafts.saveGenerated('imagine', 'P1', [{ installationId: 'ifca-cpu', text: 'P1 text', figures }]);
    await drafts.saveGenerated('imagine', 'PY1', [{ installationId: 'ifca-cpu', text: 'PY1 text', figures }]);
    await drafts.saveGenerated('imagine', 'CUM-P1', [
      { installationId: 'ifca-cpu', text: 'CUM text', figures },
    ]);

    expect((await drafts.list('imagine', 'P1')).map((draft) => draft.text)).toEqual(['P1 text']);
    expect((await drafts.list('imagine', 'PY1')).map((draft) => draft.text)).toEqual(['PY1 text']);
  });
});
