import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { apiPaths } from '../../../functions/contract/contract';
import { loadReportModel } from '../../../functions/use-cases/load-report-model';
import { COORDINATOR, IFCA, NOW, useApiServer } from './api-test-server';

const SECRET = 'test-report-link-secret-0123456789abcdef';
const api = useApiServer({ env: { REPORT_LINK_SECRET: SECRET } });
const PROJECT = 'imagine';

describe("GET /v1/projects/{id}/portal: the EC portal's Installations table", () => {
  beforeEach(async () => {
    await api.seedExample();
  }, 60_000);

  it("answers the stored PY1 figures as CSV, row by row the report's", async () => {
    const response = await fetch(`${api.baseUrl}${apiPaths.portal(PROJECT, 'PY1', 'csv')}`, {
      headers: { authorization: `Bearer ${api.signer.sign({ email: IFCA })}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="imagine-PY1-ec-portal.csv"',
    );
    const rows: string[][] = parse(await response.text(), { bom: true, from_line: 2 });
    expect(rows).toHaveLength(11);

    const config = await api.container.configs.load(PROJECT);
    if (config === null) throw new Error('the example was not stored');
    const report = await loadReportModel(api.container, config, 'PY1', NOW);
    const english = new Intl.NumberFormat('en', { maximumFractionDigits: 6 });
    for (const [, , installation, , quantity, , countries] of rows) {
      const windowColumn = report.installations
        .find((item) => item.name === installation)
        ?.metrics.rows.map((row) => row.at(-1));
      expect([installation, windowColumn]).toEqual([
        installation,
        expect.arrayContaining([english.format(Number(quantity)), countries === '' ? 'none' : countries]),
      ]);
    }
  });

  it('hands members a signed link to the workbook that works without a token, and only unaltered', async () => {
    const stranger = await api.call('POST', apiPaths.portalLink(PROJECT, 'PY1', 'xlsx'), {
      as: 'stranger@example.org',
    });
    expect(stranger.status).toBe(403);
    const link = await api.call('POST', apiPaths.portalLink(PROJECT, 'PY1', 'xlsx'), { as: COORDINATOR });
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({
      fileName: 'imagine-PY1-ec-portal.xlsx',
      rows: 11,
      windowLabel: 'PY1 (M01–M12)',
    });
    const file = await fetch(link.body.url);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const sheet = workbook.getWorksheet('Installations');
    expect(sheet?.rowCount).toBe(12);
    const ifcaCpu = sheet
      ?.getSheetValues()
      .find((row) => Array.isArray(row) && row[3] === 'IFCA-CSIC Scientific Cloud – CPU') as
      | unknown[]
      | undefined;
    expect(ifcaCpu?.[5]).toBe(488544);

    const tampered = await fetch(link.body.url.replace('period=PY1', 'period=PY2'));
    expect(tampered.status).toBe(403);
    // A portal link is no report link, and the reverse.
    const asReport = await fetch(
      link.body.url.replace('/portal?', '/report?').replace('format=xlsx', 'format=docx'),
    );
    expect(asReport.status).toBe(403);
  });

  it('holds a locked window as submitted: later renames stay out, an amendment comes in, as in the report', async () => {
    const csv = async () => {
      const response = await fetch(`${api.baseUrl}${apiPaths.portal(PROJECT, 'PY1', 'csv')}`, {
        headers: { authorization: `Bearer ${api.signer.sign({ email: COORDINATOR })}` },
      });
      expect(response.status).toBe(200);
      return parse(await response.text(), { bom: true, from_line: 2 }) as string[][];
    };
    const locked = await api.call('POST', apiPaths.lockPeriod(PROJECT, 'PY1'), {
      as: COORDINATOR,
      body: { deliverable: 'D4.2, submitted 2023-10-30' },
    });
    expect(locked.status).toBe(200);
    const submitted = await csv();

    // After the deliverable: IFCA-CSIC CPU renamed in the configuration, and its P2 hours amended.
    const config = await api.container.configs.load(PROJECT);
    if (config === null) throw new Error('the example was not stored');
    const renamed = config.installations.map((item) =>
      item.id === 'ifca-cpu' ? { ...item, name: 'IFCA CPU (renamed later)' } : item,
    );
    const put = await api.call('PUT', apiPaths.config(PROJECT), {
      as: COORDINATOR,
      body: { ...config, installations: renamed },
    });
    expect(put.status).toBe(200);
    const amended = await api.call('POST', apiPaths.entries(PROJECT), {
      as: COORDINATOR,
      body: {
        cells: [
          {
            installationId: 'ifca-cpu',
            metricId: 'cpu-hours',
            periodId: 'P2',
            raw: 400000,
            amendmentReason: 'IFCA recounted the P2 jobs',
          },
        ],
      },
    });
    expect(amended.body.outcomes[0]).toMatchObject({ amendment: { reason: 'IFCA recounted the P2 jobs' } });

    const after = await csv();
    expect(after.map((row) => row[2])).toEqual(submitted.map((row) => row[2]));
    expect(after.map((row) => row[2])).not.toContain('IFCA CPU (renamed later)');
    const changed = after.filter((row, index) => JSON.stringify(row) !== JSON.stringify(submitted[index]));
    // Only IFCA-CSIC CPU's quantity moved: PY1 was 94,656 + 393,888 hours, now 94,656 + 400,000.
    expect(changed).toHaveLength(1);
    expect(changed[0]?.[4]).toBe('494656');
    const report = await loadReportModel(
      api.container,
      (await api.container.configs.load(PROJECT)) ?? config,
      'PY1',
      NOW.plus({ years: 1 }),
    );
    expect(report.installations.map((item) => item.name)).toContain(changed[0]?.[2]);
  });

  it('exports a locked window once portal fields it lacked were added after the lock', async () => {
    const config = await api.container.configs.load(PROJECT);
    if (config === null) throw new Error('the example was not stored');
    const withoutPortal = (index: number) =>
      config.installations.map((item, at) => {
        if (at !== index) return item;
        const { portal: _dropped, ...rest } = item;
        return rest;
      });
    const put = (installations: unknown) =>
      api.call('PUT', apiPaths.config(PROJECT), { as: COORDINATOR, body: { ...config, installations } });
    expect((await put(withoutPortal(2))).status).toBe(200);
    const locked = await api.call('POST', apiPaths.lockPeriod(PROJECT, 'PY1'), {
      as: COORDINATOR,
      body: { deliverable: 'D4.2, submitted 2023-10-30' },
    });
    expect(locked.status).toBe(200);
    const link = () => api.call('POST', apiPaths.portalLink(PROJECT, 'PY1', 'csv'), { as: COORDINATOR });
    expect((await link()).status).toBe(400);

    // The coordinator adds the field the export named: the locked window exports, its figures unchanged.
    expect((await put(config.installations)).status).toBe(200);
    const fixed = await link();
    expect(fixed.status).toBe(200);
    const rows: string[][] = parse(await (await fetch(fixed.body.url)).text(), { bom: true, from_line: 2 });
    expect(rows).toHaveLength(11);
  });

  it('names the installations and fields a configuration lacks (400)', async () => {
    const config = await api.container.configs.load(PROJECT);
    if (config === null) throw new Error('the example was not stored');
    const { portal: _dropped, ...withoutPortal } = config.installations[2] ?? { portal: undefined };
    const put = await api.call('PUT', apiPaths.config(PROJECT), {
      as: COORDINATOR,
      body: {
        ...config,
        installations: config.installations.map((item, index) => (index === 2 ? withoutPortal : item)),
      },
    });
    expect(put.status).toBe(200);
    const link = await api.call('POST', apiPaths.portalLink(PROJECT, 'PY1', 'csv'), { as: COORDINATOR });
    expect(link.status).toBe(400);
    expect(link.body.message).toContain('installations["ifca-cpu"].portal.beneficiary: missing');
  });
});
