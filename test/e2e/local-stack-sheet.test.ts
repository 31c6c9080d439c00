import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { sheets_v4 } from '@googleapis/sheets';
import { parse } from 'csv-parse/sync';
import { ANCHOR_KEYS, assessmentRowValue, parseEntryRowValue } from '../../functions/sheets/layout/anchors';
import { ASSESSMENT_TEXT_COLUMN } from '../../functions/sheets/layout/assessments-tab';
import { readSnapshot, rowsByAnchor, type TabSnapshot } from '../../functions/sheets/layout/sheet-snapshot';
import { findFreePort } from '../../local/dynamo-local';
import { localSheetsClient } from '../../local/sheets-api';
import { figureImages, launchChromium } from '../support/chromium';
import { metricsValues } from '../support/metrics-values';
import { type LocalStack, startLocalStack } from './local-stack';

const ROOT = join(__dirname, '..', '..');
const EXAMPLE_DIR = join(ROOT, 'examples', 'imagine-py1');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const COORDINATOR = 'coordinator@imagine.example.org';
const WRITE_BACKS = ['sheet/setup', 'sheet/summary?period=PY1', 'sheet/assessments?period=PY1'];

interface ExampleInstallation {
  id: string;
  name: string;
  metrics: { id: string; label: string }[];
}
const CONFIG = JSON.parse(readFileSync(join(EXAMPLE_DIR, 'config.json'), 'utf8')) as {
  installations: ExampleInstallation[];
};

/** metrics.csv as the partners typed it: "installation/metric/P1" → text. */
function typedValues(): Map<string, string> {
  const rows = parse(readFileSync(join(EXAMPLE_DIR, 'metrics.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const values = new Map<string, string>();
  for (const { installation, metric, ...periods } of rows) {
    for (const [period, text] of Object.entries(periods)) {
      if (text !== '') values.set(`${installation}/${metric}/${period}`, text);
    }
  }
  return values;
}

/** The real client, rooted where the banner says, holding the coordinator's local token. */
function sheetsClient(stack: LocalStack): sheets_v4.Sheets {
  return localSheetsClient(stack.sheets.rootUrl, COORDINATOR);
}

async function batchUpdatesSoFar(stack: LocalStack): Promise<number> {
  const response = await fetch(`${stack.sheets.rootUrl}__local/requests`);
  const counts = (await response.json()) as Record<string, number>;
  return counts['spreadsheets.batchUpdate'] ?? 0;
}

/** Each write-back as a coordinator's curl; answers how many batchUpdates each one made. */
async function writeBack(stack: LocalStack): Promise<number[]> {
  const batchUpdates: number[] = [];
  for (const path of WRITE_BACKS) {
    const before = await batchUpdatesSoFar(stack);
    const response = await fetch(`${stack.url}/v1/projects/imagine/${path}`, {
      method: 'POST',
      headers: { 'X-Dev-User': COORDINATOR },
    });
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    batchUpdates.push((await batchUpdatesSoFar(stack)) - before);
  }
  return batchUpdates;
}

interface ReadBack {
  metrics: TabSnapshot;
  summary: TabSnapshot;
  assessments: TabSnapshot;
  /** What a person sees in a tab's cells (formatted values), row by row. */
  shown: (tab: TabSnapshot) => string[][];
}

async function readBack(stack: LocalStack): Promise<ReadBack> {
  const { data } = await sheetsClient(stack).spreadsheets.get({
    spreadsheetId: stack.sheets.spreadsheetId,
    includeGridData: true,
  });
  const { tabs } = readSnapshot(data);
  const need = (tab: TabSnapshot | undefined, role: string) => {
    if (tab === undefined) throw new Error(`the spreadsheet has no ${role} tab`);
    return tab;
  };
  return {
    metrics: need(tabs.metrics, 'Metrics'),
    summary: need(tabs.summary, 'Summary'),
    assessments: need(tabs.assessments, 'Assessments'),
    shown: (tab) =>
      (data.sheets?.find((sheet) => sheet.properties?.sheetId === tab.sheetId)?.data?.[0]?.rowData ?? []).map(
        (row) => (row.values ?? []).map((cell) => cell.formattedValue ?? ''),
      ),
  };
}

/** Each anchored Metrics row with what it shows: its key cell (column A), then the installation and metric. */
function rowLabels(tab: TabSnapshot): { anchored: string; shown: string[] }[] {
  const names = new Map(CONFIG.installations.map((installation) => [installation.id, installation]));
  return tab.rowAnchors
    .filter((anchor) => anchor.key === ANCHOR_KEYS.entryRow)
    .map((anchor) => {
      const key = parseEntryRowValue(anchor.value);
      const installation = names.get(key?.installationId ?? '');
      const label = installation?.metrics.find((metric) => metric.id === key?.metricId)?.label;
      return { anchored: `${installation?.name} › ${label}`, shown: tab.cells[anchor.index] ?? [] };
    });
}

function expectTheExample(sheet: ReadBack, typed: Map<string, string>): void {
  expect(metricsValues(sheet.metrics)).toEqual(typed);
  for (const row of rowLabels(sheet.metrics)) {
    expect(row.shown.slice(1, 3).join(' › ')).toBe(row.anchored);
  }

  const summary = sheet.shown(sheet.summary);
  const summaryText = summary.flat().join('\n');
  expect(summaryText).toContain('662,547 CPU-hours');
  const budgetRow = (label: string) => summary.find((row) => row[0] === label) ?? [];
  // Budget, unit, budgeted, used in window, used to date, % used, % available.
  expect(budgetRow('CPU-hours').slice(0, 7)).toEqual([
    'CPU-hours',
    'CPU-hours',
    '6,000,000',
    '662,547',
    '662,547',
    '11%',
    '89%',
  ]);
  expect(budgetRow('CPU and GPU-hours')[6]).toBe('89%');
  expect(budgetRow('storage')[6]).toBe('98%');
  // The example's "storage" group holds the storage budget alone: one row says it.
  expect(summary.filter((row) => row[0] === 'storage')).toHaveLength(1);

  const rows = rowsByAnchor(sheet.assessments, ANCHOR_KEYS.assessmentRow);
  const texts = CONFIG.installations.map(
    (installation) =>
      sheet.assessments.cells[rows.get(assessmentRowValue(installation.id, 'PY1')) ?? -1]?.[
        ASSESSMENT_TEXT_COLUMN
      ] ?? '',
  );
  expect(texts).toHaveLength(11);
  for (const text of texts) expect(text.length).toBeGreaterThan(40);
}

/** Issues 6 and 8's acceptance on `npm start`: the shared sheet and the HTML report, as a coordinator runs them. */
describe('npm start: the example spreadsheet and the report', () => {
  const folder = mkdtempSync(join(tmpdir(), 'va-assess-sheet-stack-'));
  let stack: LocalStack | undefined;
  const running = () => {
    if (stack === undefined) throw new Error('npm start is not running');
    return stack;
  };

  beforeAll(async () => {
    // DynamoDB Local's folder inside ours: the local Sheets API keeps its workbooks beside it.
    stack = await startLocalStack(join(folder, 'dynamodb'), await findFreePort());
  }, 120_000);

  afterAll(async () => {
    await stack?.interrupt();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes the Metrics, Summary and Assessments tabs with at most one batchUpdate each, and keeps them through a sort', async () => {
    const typed = typedValues();
    expect(typed.size).toBe(90);
    expect(running().sheets.spreadsheetId).not.toBe('');

    // npm start's playground has already run the add-on's "Set up reporting sheet" on this
    // spreadsheet (it starts set up, live validation on): the API's setup finds nothing to change.
    expect(await writeBack(running())).toEqual([0, 1, 1]);
    const first = await readBack(running());
    expectTheExample(first, typed);

    // A person sorts the Metrics rows by metric (column C; A is the key) and inserts three blank rows.
    const metrics = first.metrics;
    await sheetsClient(running()).spreadsheets.batchUpdate({
      spreadsheetId: running().sheets.spreadsheetId,
      requestBody: {
        requests: [
          {
            sortRange: {
              range: {
                sheetId: metrics.sheetId,
                startRowIndex: metrics.frozenRowCount,
                endRowIndex: metrics.rowCount,
                startColumnIndex: 0,
                endColumnIndex: metrics.columnCount,
              },
              sortSpecs: [{ dimensionIndex: 2, sortOrder: 'DESCENDING' }],
            },
          },
          {
            insertDimension: {
              range: { sheetId: metrics.sheetId, dimension: 'ROWS', startIndex: 10, endIndex: 13 },
            },
          },
        ],
      },
    });
    const moved = (await readBack(running())).metrics;
    expect(rowsByAnchor(moved, ANCHOR_KEYS.entryRow)).not.toEqual(
      rowsByAnchor(metrics, ANCHOR_KEYS.entryRow),
    );
    expect(moved.cells[10]?.join('')).toBe('');
    // As on Google, the sort moved the cells (key cells included) and left the row anchors behind.
    expect(rowLabels(moved).filter((row) => row.shown.slice(1, 3).join(' › ') !== row.anchored)).not.toEqual(
      [],
    );

    expect(await writeBack(running())).toEqual([1, 1, 1]);
    expectTheExample(await readBack(running()), typed);
  }, 120_000);

  it('answers the PY1 report as one HTML page whose charts Chromium draws', async () => {
    const url = `${running().url}/v1/projects/imagine/report?period=PY1&format=html`;
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({
        viewport: { width: 1000, height: 1400 },
        extraHTTPHeaders: { 'X-Dev-User': COORDINATOR },
      });
      const page = await context.newPage();
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toMatch(/^text\/html/);
      expect(await page.locator('#executive-summary').textContent()).toContain('662,547 CPU-hours');
      const images = await figureImages(page);
      expect(images.length).toBeGreaterThanOrEqual(4);
      for (const image of images) {
        expect(image).toMatchObject({ complete: true });
        expect(image.width).toBeGreaterThan(0);
        expect(image.alt).not.toBe('');
      }
      await page.locator('#budget-timeline').scrollIntoViewIfNeeded();
      mkdirSync(ARTIFACTS, { recursive: true });
      const png = await page.screenshot({ fullPage: false });
      writeFileSync(join(ARTIFACTS, 'report-local-stack.png'), png);
      expect(png.length).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
