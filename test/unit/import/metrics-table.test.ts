import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { type ProjectConfig, projectConfigSchema } from '../../../functions/domain/config';
import { InvalidMetricsTableError } from '../../../functions/domain/errors';
import {
  formatMetricsTable,
  MAX_METRICS_TABLE_BYTES,
  parseMetricsTable,
} from '../../../functions/domain/import/metrics-table';

const config: ProjectConfig = projectConfigSchema.parse({
  project: {
    id: 'demo',
    title: 'Demo',
    startDate: '2022-09-01',
    durationMonths: 36,
    periodMonths: 6,
    timeZone: 'Europe/Amsterdam',
    coordinators: ['coordinator@demo.example.org'],
    budgets: [{ id: 'cpu-hours', label: 'CPU-hours', unit: 'CPU-hours', amount: 6_000_000 }],
  },
  installations: [
    {
      id: 'ifca-cpu',
      name: 'IFCA-CSIC Scientific Cloud – CPU',
      task: 'T4.3',
      role: 'infrastructure',
      resourceKind: 'cpu',
      metrics: [
        { id: 'cpu-hours', label: 'CPU hours', kind: 'hours', unit: 'CPU-hours', aggregation: 'sum' },
        { id: 'users', label: 'Number of users', kind: 'count', unit: 'users', aggregation: 'max' },
      ],
    },
    {
      id: 'incd-cpu',
      name: 'INCD – CPU',
      task: 'T4.3',
      role: 'infrastructure',
      resourceKind: 'cpu',
      metrics: [
        { id: 'cpu-hours', label: 'CPU hours', kind: 'hours', unit: 'CPU-hours', aggregation: 'sum' },
      ],
    },
  ],
});

const SOURCE = 'metrics.csv';

function problemsOf(csvText: string): string[] {
  try {
    parseMetricsTable(csvText, config, SOURCE);
  } catch (error) {
    if (error instanceof InvalidMetricsTableError) return error.problems;
    throw error;
  }
  throw new Error('expected InvalidMetricsTableError, the table was accepted');
}

describe('parseMetricsTable: accepted tables', () => {
  it('gives one entry per non-empty value cell, with the cell it came from', () => {
    const table = [
      'installation,metric,P1,P2',
      'ifca-cpu,cpu-hours,"94,656","393,888"',
      'ifca-cpu,users,20,',
      'incd-cpu,cpu-hours,,"174,003"',
    ].join('\n');
    expect(parseMetricsTable(table, config, SOURCE)).toEqual([
      {
        installationId: 'ifca-cpu',
        metricId: 'cpu-hours',
        periodId: 'P1',
        raw: '94,656',
        cell: 'metrics.csv!C2',
      },
      {
        installationId: 'ifca-cpu',
        metricId: 'cpu-hours',
        periodId: 'P2',
        raw: '393,888',
        cell: 'metrics.csv!D2',
      },
      { installationId: 'ifca-cpu', metricId: 'users', periodId: 'P1', raw: '20', cell: 'metrics.csv!C3' },
      {
        installationId: 'incd-cpu',
        metricId: 'cpu-hours',
        periodId: 'P2',
        raw: '174,003',
        cell: 'metrics.csv!D4',
      },
    ]);
  });

  type Case = [name: string, table: string, expected: Array<[string, string, string, string, string]>];
  const cases: Case[] = [
    [
      'header in any case, padded, with the sheet month labels',
      ' Installation , METRIC ,P1 (M01–M06),p2 (M07-M12)\nifca-cpu,users,20,16',
      [
        ['ifca-cpu', 'users', 'P1', '20', 'C2'],
        ['ifca-cpu', 'users', 'P2', '16', 'D2'],
      ],
    ],
    [
      'columns in another order and periods skipped',
      'P3,metric,installation\n7,users,ifca-cpu',
      [['ifca-cpu', 'users', 'P3', '7', 'A2']],
    ],
    [
      'Windows line endings',
      'installation,metric,P1\r\nifca-cpu,users,20\r\n',
      [['ifca-cpu', 'users', 'P1', '20', 'C2']],
    ],
    [
      'a leading byte order mark (Excel "CSV UTF-8")',
      '\uFEFFinstallation,metric,P1\nifca-cpu,users,20',
      [['ifca-cpu', 'users', 'P1', '20', 'C2']],
    ],
    [
      'blank lines and all-empty rows still count as sheet rows',
      'installation,metric,P1\n\nifca-cpu,users,20\n,,\nincd-cpu,cpu-hours,5',
      [
        ['ifca-cpu', 'users', 'P1', '20', 'C3'],
        ['incd-cpu', 'cpu-hours', 'P1', '5', 'C5'],
      ],
    ],
    [
      'a quoted value over two lines is one row',
      'installation,metric,P1,P2\nifca-cpu,users,"2\n0",16\nincd-cpu,cpu-hours,1,2',
      [
        ['ifca-cpu', 'users', 'P1', '2\n0', 'C2'],
        ['ifca-cpu', 'users', 'P2', '16', 'D2'],
        ['incd-cpu', 'cpu-hours', 'P1', '1', 'C3'],
        ['incd-cpu', 'cpu-hours', 'P2', '2', 'D3'],
      ],
    ],
    [
      'values kept as typed, whitespace-only cells skipped',
      'installation,metric,P1,P2\nifca-cpu,cpu-hours, 4.000.000 ,   ',
      [['ifca-cpu', 'cpu-hours', 'P1', ' 4.000.000 ', 'C2']],
    ],
    [
      'unknown installation and metric ids are entries, left for validation to reject',
      'installation,metric,P1\nwalton-gpu,cpu-hours,3\nifca-cpu,gpu-hours,4',
      [
        ['walton-gpu', 'cpu-hours', 'P1', '3', 'C2'],
        ['ifca-cpu', 'gpu-hours', 'P1', '4', 'C3'],
      ],
    ],
    [
      'an empty trailing column with no header is tolerated',
      'installation,metric,P1,\nifca-cpu,users,20,',
      [['ifca-cpu', 'users', 'P1', '20', 'C2']],
    ],
    ['a row without values', 'installation,metric,P1\nifca-cpu,users,', []],
    ['only a header', 'installation,metric,P1,P2\n', []],
  ];

  it.each(cases)('%s', (_name, table, expected) => {
    const entries = parseMetricsTable(table, config, SOURCE);
    expect(entries).toEqual(
      expected.map(([installationId, metricId, periodId, raw, cell]) => ({
        installationId,
        metricId,
        periodId,
        raw,
        cell: `${SOURCE}!${cell}`,
      })),
    );
  });

  it('names cells after the source given, e.g. the sheet tab', () => {
    const [entry] = parseMetricsTable('installation,metric,P1\nifca-cpu,users,20', config, 'Metrics');
    expect(entry?.cell).toBe('Metrics!C2');
  });
});

describe('parseMetricsTable: structural problems', () => {
  const cases: Array<[name: string, table: string, problems: string[]]> = [
    [
      'missing installation column',
      'metric,P1\nusers,20',
      [
        'metrics.csv row 1: missing column "installation"; expected installation, metric and period columns P1..P6',
      ],
    ],
    ['missing metric column', 'installation,P1\nifca-cpu,20', ['metrics.csv row 1: missing column "metric"']],
    ['no period column', 'installation,metric\nifca-cpu,users', ['metrics.csv row 1: no period column']],
    [
      'unknown column',
      'installation,metric,P1,notes\nifca-cpu,users,20,',
      ['metrics.csv!D1: unknown column "notes"; expected installation, metric and period columns P1..P6'],
    ],
    [
      'period beyond the project',
      'installation,metric,P1,P7\nifca-cpu,users,20,',
      ['metrics.csv!D1: period P7 is beyond the project, whose periods are P1..P6'],
    ],
    [
      'month label that does not match the calendar',
      'installation,metric,P2 (M01–M06)\nifca-cpu,users,20',
      ['metrics.csv!C1: "P2 (M01–M06)" does not match the calendar: P2 is M07–M12'],
    ],
    [
      'period given twice',
      'installation,metric,P1,p1\nifca-cpu,users,20,21',
      [
        'metrics.csv!D1: second column for P1 (the first is column C)',
        'metrics.csv!D2: "21" is in a column without a valid header',
      ],
    ],
    [
      'installation column given twice',
      'installation,metric,installation,P1\nifca-cpu,users,ifca-cpu,20',
      ['metrics.csv!C1: second "installation" column (the first is column A)'],
    ],
    [
      'duplicate installation x metric row',
      'installation,metric,P1\nifca-cpu,users,20\nincd-cpu,cpu-hours,1\nifca-cpu, users ,21',
      ['metrics.csv row 4: installation "ifca-cpu" x metric "users" already has row 2'],
    ],
    [
      'ragged rows, short and long',
      'installation,metric,P1,P2\nifca-cpu,users,20\nincd-cpu,cpu-hours,1,2,3',
      [
        'metrics.csv row 2: 3 cells where the header has 4',
        'metrics.csv row 3: 5 cells where the header has 4',
      ],
    ],
    [
      'byte order mark inside the file (two files pasted together)',
      'installation,metric,P1\n\uFEFFifca-cpu,users,20',
      ['metrics.csv!A2: invisible byte order mark (U+FEFF) in "ifca-cpu"'],
    ],
    [
      'byte order mark in a header cell',
      'installation,metric,\uFEFFP1\nifca-cpu,users,20',
      ['metrics.csv!C1: invisible byte order mark (U+FEFF) in the header'],
    ],
    [
      'empty installation id in a row with values',
      'installation,metric,P1\n,users,20',
      ['metrics.csv!A2: installation id is empty in a row that has values'],
    ],
    [
      'empty metric id in a row with values',
      'installation,metric,P1\nifca-cpu,,20',
      ['metrics.csv!B2: metric id is empty in a row that has values'],
    ],
    [
      'a value under a column without header',
      'installation,metric,P1,\nifca-cpu,users,20,16',
      ['metrics.csv!D2: "16" is in a column without a valid header'],
    ],
    ['an empty file', '', ['metrics.csv row 1: the table is empty']],
    ['a file of blank lines', '\n\n', ['metrics.csv row 1: the table is empty']],
    ['an unclosed quote', 'installation,metric,P1\nifca-cpu,users,"20', ['metrics.csv: Quote Not Closed']],
  ];

  it.each(cases)('%s', (_name, table, expected) => {
    const problems = problemsOf(table);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((start, index) => {
      expect(problems[index]).toContain(start);
    });
  });

  it('lists every problem at once, in the error message too', () => {
    const table = [
      'installation,metric,P1,P9,remarks',
      'ifca-cpu,users,20,,',
      'ifca-cpu,users,21,,',
      'incd-cpu,cpu-hours,1',
    ].join('\n');
    const problems = problemsOf(table);
    expect(problems).toEqual([
      expect.stringContaining('metrics.csv!D1: period P9 is beyond the project'),
      expect.stringContaining('metrics.csv!E1: unknown column "remarks"'),
      expect.stringContaining(
        'metrics.csv row 3: installation "ifca-cpu" x metric "users" already has row 2',
      ),
      expect.stringContaining('metrics.csv row 4: 3 cells where the header has 5'),
    ]);
    expect(() => parseMetricsTable(table, config, SOURCE)).toThrow(
      /metrics\.csv!E1: unknown column "remarks"/,
    );
  });

  it('refuses a file over 5 MB before parsing it', () => {
    const row = 'ifca-cpu,users,20\n';
    const table = `installation,metric,P1\n${row.repeat(Math.ceil(MAX_METRICS_TABLE_BYTES / row.length))}`;
    expect(problemsOf(table)).toEqual([
      expect.stringMatching(/^metrics\.csv: \d+ bytes; .* at most 5242880 bytes/),
    ]);
  });

  it('counts bytes, not characters', () => {
    const padding = 'é'.repeat(MAX_METRICS_TABLE_BYTES / 2);
    expect(problemsOf(`installation,metric,P1\nifca-cpu,users,"${padding}"`)[0]).toMatch(
      /bytes; a metrics table/,
    );
  });
});

describe('formatMetricsTable', () => {
  it('writes every configured row, periods up to the latest value, missing cells empty', () => {
    const text = formatMetricsTable(config, [
      { installationId: 'incd-cpu', metricId: 'cpu-hours', periodId: 'P2', raw: '174,003' },
      { installationId: 'ifca-cpu', metricId: 'cpu-hours', periodId: 'P1', raw: 94656 },
      { installationId: 'ifca-cpu', metricId: 'users', periodId: 'P1', raw: null },
    ]);
    expect(text).toBe(
      [
        'installation,metric,P1,P2',
        'ifca-cpu,cpu-hours,94656,',
        'ifca-cpu,users,,',
        'incd-cpu,cpu-hours,,"174,003"',
        '',
      ].join('\n'),
    );
  });

  it('keeps rows for ids the configuration does not know, after the configured ones', () => {
    const text = formatMetricsTable(config, [
      { installationId: 'walton-cpu', metricId: 'cpu-hours', periodId: 'P1', raw: '0' },
    ]);
    expect(text.trimEnd().split('\n').at(-1)).toBe('walton-cpu,cpu-hours,0');
  });

  it('reads back cell for cell, whatever the text', () => {
    const awkward = ['FR, BE, ES', 'said "no"', 'two\nlines', ' padded ', '=1+1', 'N/A'];
    const entries = awkward.map((raw, index) => ({
      installationId: 'ifca-cpu',
      metricId: 'users',
      periodId: `P${index + 1}` as const,
      raw,
    }));
    const text = formatMetricsTable(config, entries);
    const readBack = parseMetricsTable(text, config, SOURCE).map(({ periodId, raw }) => ({ periodId, raw }));
    expect(readBack).toEqual(entries.map(({ periodId, raw }) => ({ periodId, raw })));
    expect(parse(text)).toHaveLength(4);
  });

  it('round-trips the example Metrics tab byte for byte', () => {
    const directory = join(__dirname, '..', '..', '..', 'examples', 'imagine-py1');
    const exampleConfig = projectConfigSchema.parse(
      JSON.parse(readFileSync(join(directory, 'config.json'), 'utf8')),
    );
    const csvText = readFileSync(join(directory, 'metrics.csv'), 'utf8');
    const entries = parseMetricsTable(csvText, exampleConfig, 'metrics.csv');
    expect(formatMetricsTable(exampleConfig, entries)).toBe(csvText);
  });

  it.each([
    [
      'a value given twice',
      [
        { installationId: 'ifca-cpu', metricId: 'users', periodId: 'P1' as const, raw: '1' },
        { installationId: 'ifca-cpu', metricId: 'users', periodId: 'P1' as const, raw: '2' },
      ],
      'ifca-cpu x users x P1: given twice',
    ],
    [
      'a period beyond the project',
      [{ installationId: 'ifca-cpu', metricId: 'users', periodId: 'P7' as const, raw: '1' }],
      'ifca-cpu x users: period P7 is not one of P1..P6',
    ],
  ])('refuses %s', (_name, entries, problem) => {
    expect(() => formatMetricsTable(config, entries)).toThrow(InvalidMetricsTableError);
    expect(() => formatMetricsTable(config, entries)).toThrow(problem);
  });
});
