import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { sheets_v4 } from '@googleapis/sheets';
import { listPeriods } from '../../../functions/domain/calendar/reporting-period';
import { projectConfigSchema } from '../../../functions/domain/config/project-config-schema';
import { ANCHOR_KEYS } from '../../../functions/sheets/layout/anchors';
import { ASSESSMENT_TEXT_COLUMN, planAssessments } from '../../../functions/sheets/layout/assessments-tab';
import { NO_PAINT, PAINT_FIELDS } from '../../../functions/sheets/layout/cell-paint-requests';
import { planMetricsTab, valueKey } from '../../../functions/sheets/layout/metrics-tab';
import { protectGeneratedTab, syncProtections } from '../../../functions/sheets/layout/protection';
import { planSetup } from '../../../functions/sheets/layout/setup-plan';
import type { SpreadsheetSnapshot, TabSnapshot } from '../../../functions/sheets/layout/sheet-snapshot';
import { textHash } from '../../../functions/sheets/layout/text-hash';

const config = projectConfigSchema.parse(
  JSON.parse(readFileSync(join(__dirname, '../../../examples/imagine-py1/config.json'), 'utf8')),
);
const periods = listPeriods(config.project).slice(0, 3);
const SA = 'va-assess@local.iam.example';
const INJECTION = '=IMPORTXML("http://x","//a")';
/** A stored value whose outcome paints nothing: these tests are about where values go. */
const unpainted = (text: string) => ({ text, paint: NO_PAINT });
const empty: SpreadsheetSnapshot = { projectId: undefined, tabs: {}, sheetIds: [0], titles: ['Sheet1'] };

function cellsWritten(requests: sheets_v4.Schema$Request[]): sheets_v4.Schema$CellData[] {
  return requests.flatMap((request) => request.updateCells?.rows?.flatMap((row) => row.values ?? []) ?? []);
}

describe('planSetup on an empty spreadsheet', () => {
  const stored = new Map([
    [valueKey('ifca-cpu', 'cpu-hours', 'P1'), unpainted('94,656')],
    [valueKey('ifca-cpu', 'cpu-hours', 'P2'), unpainted(INJECTION)],
  ]);
  const { requests } = planSetup(empty, { config, periods, stored, serviceAccountEmail: SA });

  it('creates the Metrics tab, the configuration tabs and the generated tabs (Status included), each anchored by its role, beside the untouched Sheet1', () => {
    const roles = requests
      .flatMap((request) => request.createDeveloperMetadata?.developerMetadata ?? [])
      .filter((metadata) => metadata.metadataKey === ANCHOR_KEYS.tab)
      .map((metadata) => metadata.metadataValue);
    // The configuration's Installations tab replaced the generated one (issue 18): one place for them.
    expect(roles).toEqual([
      'metrics',
      'config-project',
      'config-budgets',
      'config-budget-groups',
      'installations',
      'config-metrics',
      'summary',
      'assessments',
      'status',
    ]);
    expect(requests.some((request) => request.deleteSheet !== undefined)).toBe(false);
  });

  it('anchors one Metrics row per installation and metric, and one column per period up to the current one', () => {
    const anchors = requests.flatMap((request) => request.createDeveloperMetadata?.developerMetadata ?? []);
    const metricCount = config.installations.reduce(
      (sum, installation) => sum + installation.metrics.length,
      0,
    );
    expect(anchors.filter((metadata) => metadata.metadataKey === ANCHOR_KEYS.entryRow)).toHaveLength(
      metricCount,
    );
    expect(
      anchors
        .filter((metadata) => metadata.metadataKey === ANCHOR_KEYS.periodColumn)
        .map((metadata) => metadata.metadataValue),
    ).toEqual(['P1', 'P2', 'P3']);
  });

  it('writes every text as a string, never a formula, and sets no data validation on the Metrics tab', () => {
    const cells = cellsWritten(requests);
    expect(cells.some((cell) => cell.userEnteredValue?.formulaValue !== undefined)).toBe(false);
    expect(cells).toContainEqual({ userEnteredValue: { stringValue: INJECTION } });
    expect(cells).toContainEqual({ userEnteredValue: { stringValue: '94,656' } });
    // Dropdowns are for the configuration tabs' closed sets (issue 18), never for value cells.
    const metricsSheetId = requests.find((request) => request.addSheet?.properties?.title === 'Metrics')
      ?.addSheet?.properties?.sheetId;
    const validated = requests.flatMap((request) =>
      request.setDataValidation === undefined ? [] : [request.setDataValidation.range?.sheetId],
    );
    expect(metricsSheetId).toEqual(expect.any(Number));
    expect(validated.length).toBeGreaterThan(0);
    expect(validated).not.toContain(metricsSheetId);
  });

  it('formats value cells as text so "4.000.000" stays as typed', () => {
    const formats = requests.flatMap((request) =>
      request.repeatCell === undefined ? [] : [request.repeatCell],
    );
    expect(formats).toContainEqual(
      expect.objectContaining({ cell: { userEnteredFormat: { numberFormat: { type: 'TEXT' } } } }),
    );
  });

  it("protects each installation's value cells to its editors, the coordinators and the service account", () => {
    const ranges = requests.flatMap((request) => request.addProtectedRange?.protectedRange ?? []);
    const ifca = ranges.find((range) => range.description === 'va-assess:installation:ifca-cpu');
    expect(ifca?.editors?.users).toEqual(['coordinator@imagine.example.org', 'partner@ifca.example.org', SA]);
    const labels = ranges.find((range) => range.description === 'va-assess:tab:metrics');
    expect(labels?.editors?.users).toEqual(['coordinator@imagine.example.org', SA]);
  });
});

function metricsTab(rows: { anchor: string; cells: string[] }[]): TabSnapshot {
  const header = [
    'Installation',
    'Metric',
    'Unit',
    'Baseline',
    'How measured',
    'Aggregation',
    'P1 (M01–M06)',
  ];
  return {
    sheetId: 7,
    title: 'Metrics',
    rowCount: rows.length + 1,
    columnCount: 7,
    frozenRowCount: 1,
    rowAnchors: rows.map((row, index) => ({
      metadataId: 100 + index,
      key: ANCHOR_KEYS.entryRow,
      value: row.anchor,
      index: index + 1,
    })),
    columnAnchors: [
      ...['installation', 'metric', 'unit', 'baseline', 'measured-by', 'aggregation'].map((value, index) => ({
        metadataId: 10 + index,
        key: ANCHOR_KEYS.labelColumn,
        value,
        index,
      })),
      { metadataId: 20, key: ANCHOR_KEYS.periodColumn, value: 'P1', index: 6 },
    ],
    cells: [header, ...rows.map((row) => row.cells)],
    paints: new Map(),
    protectedRanges: [],
  };
}

describe('planMetricsTab on a sheet people have used', () => {
  const one = { ...config, installations: config.installations.filter((item) => item.id === 'ifca-cpu') };
  const labels = (metricId: string) => {
    const metric = one.installations[0]?.metrics.find((item) => item.id === metricId);
    return [
      'IFCA-CSIC Scientific Cloud – CPU',
      metric?.label ?? '',
      metric?.unit ?? '',
      String(metric?.baseline ?? ''),
      metric?.measuredBy ?? '',
      metric?.aggregation ?? '',
    ];
  };
  // Rows in an order of a person's choosing, with what they typed.
  const tab = metricsTab([
    { anchor: 'ifca-cpu/users', cells: [...labels('users'), ''] },
    { anchor: 'ifca-cpu/cpu-hours', cells: [...labels('cpu-hours'), '1M'] },
    { anchor: 'ifca-cpu/countries', cells: [...labels('countries'), ''] },
    { anchor: 'ifca-cpu/country-count', cells: [...labels('country-count'), ''] },
  ]);
  const stored = new Map([
    [valueKey('ifca-cpu', 'cpu-hours', 'P1'), unpainted('94,656')],
    [valueKey('ifca-cpu', 'users', 'P1'), unpainted('20')],
  ]);
  const { requests } = planMetricsTab(tab, false, {
    config: one,
    periods: periods.slice(0, 1),
    stored,
    serviceAccountEmail: SA,
  });
  const writes = requests.flatMap((request) =>
    request.updateCells === undefined ? [] : [request.updateCells],
  );

  it('gives a sheet set up before the key column one, each row keyed from its metadata', () => {
    const keyCells = writes
      .filter((write) => write.start?.columnIndex === 7)
      .map((write) => [write.start?.rowIndex, write.rows?.[0]?.values?.[0]?.userEnteredValue?.stringValue])
      .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(keyCells).toEqual([
      [0, 'Row key'],
      [1, 'ifca-cpu/users'],
      [2, 'ifca-cpu/cpu-hours'],
      [3, 'ifca-cpu/countries'],
      [4, 'ifca-cpu/country-count'],
    ]);
  });

  it('fills an empty cell on its anchored row and leaves a typed one alone', () => {
    expect(writes.filter((write) => write.start?.columnIndex !== 7)).toEqual([
      {
        start: { sheetId: 7, rowIndex: 1, columnIndex: 6 },
        rows: [{ values: [{ userEnteredValue: { stringValue: '20' } }] }],
        fields: `userEnteredValue,${PAINT_FIELDS}`,
      },
    ]);
  });

  it("protects each run of an installation's rows where they are now", () => {
    const ranges = requests.flatMap((request) => request.addProtectedRange?.protectedRange ?? []);
    expect(ranges.find((range) => range.description === 'va-assess:installation:ifca-cpu')?.range).toEqual({
      sheetId: 7,
      startRowIndex: 1,
      endRowIndex: 5,
      startColumnIndex: 6,
      endColumnIndex: 7,
    });
  });
});

describe('syncProtections', () => {
  const desired = [
    {
      description: 'va-assess:installation:a',
      range: { sheetId: 1, startRowIndex: 1, endRowIndex: 3 },
      editors: ['p@x.org', 'c@x.org'],
    },
  ];
  const existing = (users: string[]): sheets_v4.Schema$ProtectedRange[] => [
    {
      protectedRangeId: 5,
      description: 'va-assess:installation:a',
      range: { sheetId: 1, startRowIndex: 1, endRowIndex: 3 },
      editors: { users },
    },
    {
      protectedRangeId: 6,
      description: 'someone else',
      range: { sheetId: 1 },
      editors: { users: ['x@x.org'] },
    },
  ];

  it('changes nothing when the ranges are exactly right', () => {
    expect(syncProtections(existing(['c@x.org', 'p@x.org']), desired)).toEqual([]);
  });

  it('replaces a range with an editor the configuration does not name, even one on every range', () => {
    // The old comparison took an address on every range for the owner and kept it: a partner added
    // to every range kept their access through every setup.
    const requests = syncProtections(existing(['intruder@x.org', 'c@x.org', 'p@x.org']), desired);
    expect(requests[0]).toEqual({ deleteProtectedRange: { protectedRangeId: 5 } });
    expect(requests[1]?.addProtectedRange?.protectedRange?.editors?.users).toEqual(['c@x.org', 'p@x.org']);
    expect(requests).toHaveLength(2);
  });

  it('replaces a range whose editors changed and never touches ranges that are not ours', () => {
    const requests = syncProtections(existing(['c@x.org']), [
      ...desired,
      {
        description: 'va-assess:installation:b',
        range: { sheetId: 1, startRowIndex: 3, endRowIndex: 4 },
        editors: ['c@x.org'],
      },
    ]);
    expect(requests[0]).toEqual({ deleteProtectedRange: { protectedRangeId: 5 } });
    expect(requests.filter((request) => request.deleteProtectedRange?.protectedRangeId === 6)).toEqual([]);
    expect(requests.filter((request) => request.addProtectedRange !== undefined)).toHaveLength(2);
  });
});

describe('planAssessments', () => {
  const tab: TabSnapshot = {
    sheetId: 9,
    title: 'Assessments',
    rowCount: 2,
    columnCount: 7,
    frozenRowCount: 1,
    rowAnchors: [
      { metadataId: 1, key: ANCHOR_KEYS.assessmentRow, value: 'a/PY1', index: 1 },
      { metadataId: 2, key: ANCHOR_KEYS.assessmentWritten, value: textHash('old draft'), index: 1 },
    ],
    columnAnchors: [],
    cells: [
      [
        'Installation',
        'Window',
        'Assessment',
        'Edited by a person?',
        'Figures it was drafted from',
        'Drafted at',
        "Newer draft (not applied: the assessment is a person's text)",
      ],
      ['A', 'PY1 (M01–M12)', 'old draft', 'no', '', '', ''],
    ],
    paints: new Map(),
    protectedRanges: [],
  };
  const input = (inCell: string, knownHashes: string[] = [textHash('old draft')]) => ({
    windowId: 'PY1',
    windowLabel: 'PY1 (M01–M12)',
    draftedAt: '2023-10-02T07:00:00.000Z',
    assessments: [
      {
        installationId: 'a',
        installationName: 'A',
        generatedText: 'new draft',
        figuresText: '',
        storedEditedText: null,
        knownHashes,
      },
    ],
    tab: { ...tab, cells: [tab.cells[0] ?? [], ['A', 'PY1 (M01–M12)', inCell, 'no', '', '', '']] },
  });

  it('replaces a text the backend knows as its own and reports what the cell will hold', () => {
    const { tab: current, ...plan } = input('old draft');
    const { requests, editsFound, cellHashes } = planAssessments(current, false, plan);
    expect(editsFound).toEqual([]);
    expect(JSON.stringify(requests)).toContain('"stringValue":"new draft"');
    expect(cellHashes).toEqual(new Map([['a', textHash('new draft')]]));
  });

  it('decides nothing from the hash metadata an editor can rewrite, and removes it', () => {
    // Metadata says "old draft" was written; the backend knows nothing of it: a person's text.
    const { tab: current, ...plan } = input('old draft', []);
    const { requests, editsFound } = planAssessments(current, false, plan);
    expect(editsFound).toEqual([{ installationId: 'a', text: 'old draft' }]);
    expect(requests).toContainEqual({
      deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: 2 } } },
    });
    expect(JSON.stringify(requests)).not.toContain('updateDeveloperMetadata');
  });

  it("keeps a person's text, reports it, and puts the new draft in the newer-draft column", () => {
    const { tab: current, ...plan } = input('my own words');
    const { requests, editsFound, cellHashes } = planAssessments(current, false, plan);
    expect(editsFound).toEqual([{ installationId: 'a', text: 'my own words' }]);
    const touched = requests.flatMap((request) =>
      request.updateCells?.start?.columnIndex === undefined ? [] : [request.updateCells.start.columnIndex],
    );
    expect(touched).not.toContain(ASSESSMENT_TEXT_COLUMN);
    expect(JSON.stringify(requests)).toContain('"stringValue":"new draft"');
    // Seen once, the edit is no longer news: a later edit through the API must not lose to it.
    expect(cellHashes).toEqual(new Map([['a', textHash('my own words')]]));
  });
});

describe('protectGeneratedTab beside a person', () => {
  it("protects a generated tab as two bounded ranges when a person's whole-sheet protection is there", () => {
    const personal = {
      protectedRangeId: 9,
      description: 'mine',
      range: { sheetId: 4 },
      editors: { users: ['c@x.org'] },
    };
    const requests = protectGeneratedTab({ sheetId: 4, protectedRanges: [personal] }, 'summary', ['c@x.org']);
    expect(requests.filter((request) => request.deleteProtectedRange !== undefined)).toEqual([]);
    expect(requests.map((request) => request.addProtectedRange?.protectedRange?.range)).toEqual([
      { sheetId: 4, startRowIndex: 0, endRowIndex: 1 },
      { sheetId: 4, startRowIndex: 1 },
    ]);
    expect(protectGeneratedTab({ sheetId: 4, protectedRanges: [] }, 'summary', ['c@x.org'])).toHaveLength(1);
  });
});
