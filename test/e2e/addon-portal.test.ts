import { parse } from 'csv-parse/sync';
import type { PortalLinkReport } from '../../sheets-addon/core/portal-page';
import { COORDINATOR, IFCA } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';

/**
 * "EC portal table..." of the BUNDLED add-on in the Apps Script sandbox against the real router: the
 * dialog offers the years and periods, and its button answers a signed link that downloads the table.
 */
jest.setTimeout(120_000);

const SECRET = 'test-report-link-secret-0123456789abcdef';

describe('"EC portal table..." in the Apps Script sandbox', () => {
  const addon = useAddonSandboxStack({ env: { REPORT_LINK_SECRET: SECRET } });
  const { box } = addon;

  it('offers PY1 among the windows and hands a partner a link to the CSV of 11 rows', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false, sharedWith: [IFCA] });
    await box().open(IFCA);
    await box().run(IFCA, 'menuPortalTable');
    const dialog = box().dialogs().at(-1);
    expect(dialog).toMatchObject({ kind: 'modal', title: 'EC portal table', user: IFCA });
    expect(dialog?.content).toContain('<option value="PY1"');
    expect(dialog?.content).toContain('<option value="xlsx" selected>');

    const report = (await box().run(IFCA, 'portalTableLink', 'PY1', 'csv')) as PortalLinkReport;
    expect(report).toMatchObject({
      ok: true,
      fileName: 'imagine-PY1-ec-portal.csv',
      message: '11 installation rows for PY1 (M01–M12).',
    });
    const download = await fetch(report.url);
    expect(download.status).toBe(200);
    const rows: string[][] = parse(await download.text(), { bom: true, from_line: 2 });
    expect(rows).toHaveLength(11);

    const refused = (await box().run(COORDINATOR, 'portalTableLink', 'PY9', 'csv')) as PortalLinkReport;
    expect(refused).toMatchObject({ ok: false, url: '', message: expect.stringContaining('PY9') });
  });
});
