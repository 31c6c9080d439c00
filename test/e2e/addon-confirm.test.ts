import { apiPaths } from '../../functions/contract/contract';
import type { ActionReport } from '../../sheets-addon/shared/ui-types';
import { COORDINATOR, IFCA } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';

/**
 * "Confirm my figures..." of the BUNDLED add-on in the Apps Script sandbox against the real router: the
 * partner sees IFCA-CSIC CPU's P3 values, the open warning and the totals in the add-on's own dialog,
 * confirms under their own token with a line for the warning, and the sidebar shows the confirmation
 * confirmed, then stale once a covered cell changes.
 */
jest.setTimeout(120_000);

interface SidebarConfirmations {
  periodId: string;
  lines: { installationId: string; state: string; sentence: string }[];
  error: string;
}

describe('"Confirm my figures..." in the Apps Script sandbox', () => {
  const addon = useAddonSandboxStack();
  const { stack, box } = addon;

  /** What the partner typed for P3 (through the API: the sheet's trigger path is not what is tested here). */
  async function ifcaTypesP3(users = '35'): Promise<void> {
    const raw: Record<string, string> = {
      'cpu-hours': '401,200',
      countries: 'ES, FR, ES',
      'country-count': '2',
      users,
    };
    const posted = await stack.api.call('POST', apiPaths.entries('imagine'), {
      as: IFCA,
      body: {
        cells: Object.entries(raw).map(([metricId, value]) => ({
          installationId: 'ifca-cpu',
          metricId,
          periodId: 'P3',
          raw: value,
        })),
      },
    });
    expect(posted.status).toBe(200);
  }

  const ifcaLine = async () =>
    ((await box().run(IFCA, 'sidebarConfirmations')) as SidebarConfirmations).lines.find(
      (line) => line.installationId === 'ifca-cpu',
    );

  it("shows the values, the warning and the totals, confirms under the partner's own token, and goes stale after an edit", async () => {
    await addon.coordinatorSetsUp({ liveValidation: false, sharedWith: [IFCA] });
    await ifcaTypesP3();
    await box().open(IFCA);
    expect(await ifcaLine()).toMatchObject({ state: 'not-confirmed' });

    await box().run(IFCA, 'menuConfirmFigures');
    const dialog = box().dialogs().at(-1);
    expect(dialog).toMatchObject({ kind: 'modal', title: 'Confirm my P3 figures', user: IFCA });
    const content = dialog?.content ?? '';
    expect(content).toContain('<h2>IFCA-CSIC Scientific Cloud – CPU</h2>');
    expect(content).toContain('<td>401,200</td>');
    expect(content).toContain('data-metric="countries"');
    expect(content).toMatch(/Totals of P3 \(M13–M18\): [^<]*401,200/);
    // Only the partner's own installations: IFCA edits three, INCD's are not offered.
    expect(content).not.toContain('INCD – CPU');

    const versions = JSON.parse(
      (
        /data-installation="ifca-cpu" data-period="P3" data-versions="([^"]+)"/.exec(content)?.[1] ?? '{}'
      ).replace(/&quot;/g, '"'),
    );
    const unjustified = (await box().run(
      IFCA,
      'confirmFigures',
      'ifca-cpu',
      'P3',
      versions,
      {},
    )) as ActionReport;
    expect(unjustified).toMatchObject({ ok: false, message: expect.stringContaining('countries') });
    const confirmed = (await box().run(IFCA, 'confirmFigures', 'ifca-cpu', 'P3', versions, {
      countries: 'Spain typed twice in the export',
    })) as ActionReport;
    expect(confirmed).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^P3 figures confirmed by partner@ifca\.example\.org on /),
    });
    // Sent under the partner's own identity, with no actingFor: the backend recorded IFCA, not the coordinator.
    const sent = box()
      .fetches()
      .filter((fetch) => fetch.method === 'POST' && /\/confirmations$/.test(fetch.url));
    expect(sent.at(-1)?.body).not.toContain('actingFor');
    expect(await ifcaLine()).toMatchObject({ state: 'confirmed' });

    // The coordinator cannot confirm in IFCA's name from the add-on either.
    const foreign = (await box().run(COORDINATOR, 'confirmFigures', 'ifca-cpu', 'P3', versions, {
      countries: 'x',
    })) as ActionReport;
    expect(foreign).toMatchObject({ ok: false, message: expect.stringContaining('not a listed editor') });

    await ifcaTypesP3('36');
    expect(await ifcaLine()).toMatchObject({ state: 'stale', sentence: expect.stringContaining('is stale') });
  });

  it('offers the earlier periods too: P2, confirmed after it ended, opens in place of P3', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false, sharedWith: [IFCA] });
    await box().run(IFCA, 'menuConfirmFigures');
    const p3 = box().dialogs().at(-1)?.content ?? '';
    expect(p3).toContain('<strong aria-current="true">P3</strong>');
    expect(p3).toContain('<button class="period" type="button" data-period="P2">P2</button>');
    expect(p3).not.toContain('data-period="P4"');

    // The page's P2 button calls confirmDialogFor('P2'): the dialog for P2 replaces this one.
    expect(await box().run(IFCA, 'confirmDialogFor', 'P2')).toMatchObject({ ok: true });
    const p2 = box().dialogs().at(-1);
    expect(p2).toMatchObject({ kind: 'modal', title: 'Confirm my P2 figures', user: IFCA });
    expect(p2?.content).toContain('data-installation="ifca-cpu" data-period="P2"');
    expect(p2?.content).toMatch(/Totals of P2 \(M07–M12\)/);

    // A period still to come is not offered, and said so.
    await box().run(IFCA, 'confirmDialogFor', 'P4');
    expect(box().alerts().at(-1)?.message).toMatch(
      /^P4 is not a period whose figures can be confirmed yet: choose one of P1, P2, P3\./,
    );
  });
});
