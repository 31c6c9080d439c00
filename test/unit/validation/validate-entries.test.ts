import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import {
  hoursInPeriod,
  listPeriods,
  type PeriodId,
} from '../../../functions/domain/calendar/reporting-period';
import type { EntryValue, RawEntry } from '../../../functions/domain/entries/entry';
import type { MetricValue, RawInput } from '../../../functions/domain/entries/metric-value';
import { parseMetricsTable } from '../../../functions/domain/import/metrics-table';
import { ruleById } from '../../../functions/domain/validation/rule-catalogue';
import { validateEntries } from '../../../functions/domain/validation/validate-entries';
import type { ValidationOutcome } from '../../../functions/domain/validation/validation-outcome';
import { imagineConfig } from '../../fixtures/imagine-values';
import { tinyConfig } from '../../fixtures/tiny-config';

const config = tinyConfig(
  [
    {
      id: 'cpu',
      name: 'IFCA-CSIC Scientific Cloud – CPU',
      resourceKind: 'cpu',
      capacity: { cpuCores: 100 },
      metrics: [
        {
          id: 'hours',
          kind: 'hours',
          label: 'CPU node/hours served over the period',
          countsToward: 'cpu-hours',
        },
        { id: 'countries', kind: 'country-list', label: 'Names of the countries reached over the period' },
        {
          id: 'country-count',
          kind: 'country-count',
          label: 'Number of countries reached',
          countOf: 'countries',
        },
        { id: 'users', kind: 'count', label: 'Number of users' },
      ],
    },
    {
      id: 'gpu',
      resourceKind: 'gpu',
      capacity: { gpus: 2 },
      metrics: [{ id: 'hours', kind: 'hours', unit: 'GPU-hours', countsToward: 'gpu-hours' }],
    },
    {
      id: 'store',
      resourceKind: 'storage',
      capacity: { storageTB: 5 },
      metrics: [{ id: 'tb', kind: 'tb-month', countsToward: 'storage' }],
    },
    { id: 'uncapped', resourceKind: 'cpu', metrics: [{ id: 'hours', kind: 'hours' }] },
    {
      id: 'platform',
      name: 'AI development platform',
      role: 'platform',
      resourceKind: 'platform',
      metrics: [{ id: 'hours', kind: 'hours', label: 'ML training cycles' }],
    },
  ],
  { locale: 'en' },
);

/** P1 and P2 have started, P3 (from 2023-09-01) has not. */
const now = DateTime.fromISO('2023-06-01T12:00:00', { zone: 'Europe/Madrid' });

function entry(
  installationId: string,
  metricId: string,
  periodId: string,
  raw: RawInput,
  cell?: string,
): RawEntry {
  return {
    installationId,
    metricId,
    periodId: periodId as PeriodId,
    raw,
    ...(cell === undefined ? {} : { cell }),
  };
}

function stored(installationId: string, metricId: string, periodId: string, value: MetricValue): EntryValue {
  return { installationId, metricId, periodId: periodId as PeriodId, value };
}

const num = (value: number): MetricValue => ({ type: 'number', value });

function validateOne(
  raw: RawInput,
  at: [string, string, string] = ['cpu', 'hours', 'P1'],
  storedValues: EntryValue[] = [],
) {
  const [outcome] = validateEntries([entry(...at, raw)], { config, now, stored: storedValues });
  if (outcome === undefined) throw new Error('no outcome');
  return outcome;
}

const rules = (outcome: ValidationOutcome | undefined) => outcome?.issues.map((issue) => issue.ruleId);

describe('validateEntries: single values', () => {
  it.each([
    { raw: 94656, normalized: '94,656' },
    { raw: '94,656', normalized: '94,656' },
    { raw: '29433.6', normalized: '29,433.6' },
    { raw: '0', normalized: '0' },
  ])('accepts $raw as $normalized', ({ raw, normalized }) => {
    expect(validateOne(raw)).toMatchObject({ status: 'accepted', normalized, issues: [] });
  });

  it.each([null, '', '   '])(
    'treats the empty cell %j as clearing the value, even in a future period',
    (raw) => {
      for (const periodId of ['P1', 'P3']) {
        expect(validateOne(raw, ['cpu', 'hours', periodId])).toEqual({
          location: { installationId: 'cpu', metricId: 'hours', field: 'value', periodId },
          status: 'accepted',
          value: null,
          normalized: '',
          issues: [],
        });
      }
    },
  );

  it.each([
    { raw: '-5', at: ['cpu', 'hours', 'P1'], rule: 'negative' },
    { raw: -1, at: ['cpu', 'users', 'P1'], rule: 'negative' },
    { raw: '3.4', at: ['cpu', 'users', 'P1'], rule: 'not-whole' },
    { raw: 6.5, at: ['cpu', 'country-count', 'P1'], rule: 'not-whole' },
    { raw: '> 200', at: ['cpu', 'users', 'P1'], rule: 'comparator-in-value' },
    { raw: '1 PB', at: ['cpu', 'hours', 'P1'], rule: 'unexpected-unit' },
    { raw: 'lots', at: ['cpu', 'hours', 'P1'], rule: 'not-a-number' },
    {
      raw: '=IMPORTXML("http://example.org", "//td")',
      at: ['cpu', 'hours', 'P1'],
      rule: 'formula-not-evaluated',
    },
    { raw: true, at: ['cpu', 'hours', 'P1'], rule: 'wrong-type' },
    { raw: false, at: ['cpu', 'countries', 'P1'], rule: 'wrong-type' },
    { raw: 'x'.repeat(2001), at: ['cpu', 'countries', 'P1'], rule: 'text-too-long' },
    { raw: 'SP, PT', at: ['cpu', 'countries', 'P1'], rule: 'unknown-country' },
    { raw: 5, at: ['nope', 'hours', 'P1'], rule: 'unknown-installation' },
    { raw: 5, at: ['cpu', 'nope', 'P1'], rule: 'unknown-metric' },
    { raw: 5, at: ['cpu', 'hours', 'P7'], rule: 'period-outside-project' },
    { raw: 5, at: ['cpu', 'hours', 'P0'], rule: 'period-outside-project' },
    { raw: 5, at: ['cpu', 'hours', 'P3'], rule: 'period-in-future' },
  ] as const)('rejects $raw at $at with $rule', ({ raw, at, rule }) => {
    const outcome = validateOne(raw, [...at]);
    expect(outcome.status).toBe('rejected');
    expect(outcome.value).toBeNull();
    expect(outcome.normalized).toBe('');
    expect(rules(outcome)).toEqual([rule]);
  });

  it.each([
    { raw: '3.4', at: ['cpu', 'hours', 'P1'] },
    { raw: 0, at: ['cpu', 'users', 'P1'] },
    { raw: 5, at: ['cpu', 'hours', 'P2'] },
  ] as const)('does not reject $raw at $at', ({ raw, at }) => {
    expect(validateOne(raw, [...at]).status).toBe('accepted');
  });

  it('lets a period take values from the instant it starts, in the project time zone', () => {
    const p3 = listPeriods(config.project)[2];
    if (p3 === undefined) throw new Error('no P3');
    const at = (instant: DateTime) =>
      validateEntries([entry('cpu', 'hours', 'P3', 5)], { config, now: instant })[0];
    expect(at(p3.start)?.status).toBe('accepted');
    expect(rules(at(p3.start.minus({ milliseconds: 1 })))).toEqual(['period-in-future']);
    // 2023-08-31T23:30 UTC is already 1 September in Madrid.
    expect(at(DateTime.fromISO('2023-08-31T23:30:00Z'))?.status).toBe('accepted');
  });

  it.each([
    { raw: 'ES, PT, FR, UK', status: 'accepted', normalized: 'ES, PT, FR, GB', rule: 'eu-country-alias' },
    { raw: 'FR, GE, IT', status: 'warning', normalized: 'FR, GE, IT', rule: 'country-lookalike' },
    { raw: '0', status: 'warning', normalized: 'none', rule: 'empty-country-list' },
    { raw: 'N/A', status: 'warning', normalized: 'none', rule: 'empty-country-list' },
    { raw: 'Spain', status: 'accepted', normalized: 'ES', rule: 'country-name' },
    { raw: 'ES, PT, ES', status: 'warning', normalized: 'ES, PT', rule: 'duplicate-country' },
  ] as const)('reads the country list $raw as $normalized ($rule)', ({ raw, status, normalized, rule }) => {
    const outcome = validateOne(raw, ['cpu', 'countries', 'P1']);
    expect(outcome).toMatchObject({ status, normalized });
    expect(rules(outcome)).toEqual([rule]);
  });

  it('reads a storage figure in PB as TB-month', () => {
    const outcome = validateOne('1 PB', ['store', 'tb', 'P2']);
    // 1 PB is above 5 TB x 6 months: the converted figure is what capacity is checked against.
    expect(rules(outcome)).toEqual(['unit-converted', 'above-capacity']);
    expect(validateOne('20 TB', ['store', 'tb', 'P2'])).toMatchObject({
      status: 'accepted',
      normalized: '20',
    });
  });
});

describe('validateEntries: messages', () => {
  it('names installation, metric, period and cell, what was found and what is expected', () => {
    const [outcome] = validateEntries([entry('cpu', 'countries', 'P2', 'SP, PT', 'metrics.csv!D7')], {
      config,
      now,
    });
    expect(outcome?.location).toEqual({
      installationId: 'cpu',
      metricId: 'countries',
      field: 'value',
      periodId: 'P2',
      cell: 'metrics.csv!D7',
    });
    expect(outcome?.issues[0]?.message).toBe(
      'IFCA-CSIC Scientific Cloud – CPU › Names of the countries reached over the period › P2 (M07–M12), metrics.csv!D7: found "SP", expected an ISO 3166-1 alpha-2 code such as ES, DE or GB; did you mean ES (Spain)?',
    );
  });

  it('lists the known installations when the id is unknown, and never throws', () => {
    const outcome = validateOne(5, ['ifca', 'hours', 'P1']);
    expect(outcome.issues[0]?.message).toMatch(
      /^installation "ifca" › P1 \(M01–M06\): found "ifca", expected .*cpu, gpu/,
    );
  });

  it('says when the future period starts', () => {
    expect(validateOne(5, ['cpu', 'hours', 'P3']).issues[0]?.expected).toContain('2023-09-01');
  });
});

describe('validateEntries: country count against its list', () => {
  const p1 = (metricId: string, raw: RawInput) => entry('cpu', metricId, 'P1', raw);

  it.each([
    { list: 'FR, BE, ES', count: 3, status: 'accepted' },
    { list: 'FR, BE, ES', count: 4, status: 'rejected' },
    { list: '0', count: 0, status: 'accepted' },
    { list: 'FR, BE, ES, FR', count: 3, status: 'accepted' },
  ])('list $list with count $count in one batch → $status', ({ list, count, status }) => {
    const [, countOutcome] = validateEntries([p1('countries', list), p1('country-count', count)], {
      config,
      now,
    });
    expect(countOutcome?.status).toBe(status);
    if (status === 'rejected') {
      expect(rules(countOutcome)).toEqual(['country-count-mismatch']);
      expect(countOutcome?.issues[0]?.suggestion).toBe(String(count - 1));
    }
  });

  it('compares with the stored list when the batch has only the count', () => {
    const list = stored('cpu', 'countries', 'P1', { type: 'countries', codes: ['FR', 'BE'] });
    expect(validateOne(3, ['cpu', 'country-count', 'P1'], [list]).status).toBe('rejected');
    expect(validateOne(2, ['cpu', 'country-count', 'P1'], [list]).status).toBe('accepted');
  });

  it('lets the batch list replace the stored one', () => {
    const old = stored('cpu', 'countries', 'P1', { type: 'countries', codes: ['FR', 'BE'] });
    const [, count] = validateEntries([p1('countries', 'FR, BE, ES'), p1('country-count', 3)], {
      config,
      now,
      stored: [old],
    });
    expect(count?.status).toBe('accepted');
  });

  it('does not compare with a list of another period, a rejected list or no list', () => {
    const otherPeriod = stored('cpu', 'countries', 'P2', { type: 'countries', codes: ['FR'] });
    expect(validateOne(3, ['cpu', 'country-count', 'P1'], [otherPeriod]).status).toBe('accepted');
    const [, afterRejected] = validateEntries([p1('countries', 'SP, PT, FR'), p1('country-count', 3)], {
      config,
      now,
    });
    expect(afterRejected?.status).toBe('accepted');
    expect(validateOne(3, ['cpu', 'country-count', 'P1']).status).toBe('accepted');
  });
});

describe('validateEntries: trend against the previous period', () => {
  const previous = (value: number) => [stored('cpu', 'hours', 'P1', num(value))];

  it.each([
    { before: 100, now: 1001, rules: ['sudden-jump'] },
    { before: 100, now: 1000, rules: [] },
    { before: 100, now: 0, rules: ['drop-to-zero'] },
    { before: 100, now: 10, rules: [] },
    { before: 100, now: 9.9, rules: ['sudden-fall'] },
    { before: 100, now: 1, rules: ['sudden-fall'] },
    { before: 0, now: 5000, rules: [] },
    { before: 0, now: 0, rules: [] },
  ])('P1 $before → P2 $now warns $rules', ({ before, now: value, rules: expected }) => {
    const outcome = validateOne(value, ['cpu', 'hours', 'P2'], previous(before));
    expect(rules(outcome)).toEqual(expected);
    expect(outcome.status).toBe(expected.length > 0 ? 'warning' : 'accepted');
  });

  it('skips the check when the previous period is missing or there is none', () => {
    expect(rules(validateOne(5000, ['cpu', 'hours', 'P2']))).toEqual([]);
    expect(rules(validateOne(0, ['cpu', 'hours', 'P1'], previous(100)))).toEqual([]);
  });

  it('uses the previous period from the batch before the stored one', () => {
    const outcomes = validateEntries([entry('cpu', 'hours', 'P1', 10), entry('cpu', 'hours', 'P2', 500)], {
      config,
      now,
      stored: previous(1000),
    });
    expect(rules(outcomes[1])).toEqual(['sudden-jump']);
    expect(outcomes[1]?.issues[0]?.expected).toContain('10 CPU-hours in P1 (M01–M06)');
  });

  it('quotes the previous value when a figure falls to less than a tenth of it', () => {
    const outcome = validateOne(94.656, ['cpu', 'hours', 'P2'], previous(94656));
    expect(outcome.status).toBe('warning');
    expect(outcome.value).toEqual(num(94.656));
    expect(outcome.issues[0]?.message).toBe(
      'IFCA-CSIC Scientific Cloud – CPU › CPU node/hours served over the period › P2 (M07–M12): found "94.656", ' +
        "expected at least 1/10 of the previous period's 94,656 CPU-hours in P1 (M01–M06); accepted; please check " +
        'it is not a typing or unit slip, such as a thousands separator read as a decimal mark',
    );
  });

  it('applies to counts too, per installation and metric', () => {
    const users = [stored('cpu', 'users', 'P1', num(20))];
    expect(rules(validateOne(0, ['cpu', 'users', 'P2'], users))).toEqual(['drop-to-zero']);
    expect(rules(validateOne(0, ['cpu', 'hours', 'P2'], users))).toEqual([]);
  });
});

describe('validateEntries: capacity', () => {
  const periods = listPeriods(config.project);
  const p1Hours = hoursInPeriod(periods[0] ?? (undefined as never));

  it('counts the daylight-saving hour of the period', () => {
    // 2022-09-01..2023-03-01 in Madrid: 181 days and the extra hour of 30 October 2022.
    expect(p1Hours).toBe(181 * 24 + 1);
  });

  it.each([
    { at: ['cpu', 'hours', 'P1'], limit: 100 * p1Hours },
    { at: ['gpu', 'hours', 'P1'], limit: 2 * p1Hours },
    { at: ['store', 'tb', 'P1'], limit: 5 * 6 },
  ] as const)('accepts up to $limit at $at and rejects above it', ({ at, limit }) => {
    expect(validateOne(limit, [...at]).status).toBe('accepted');
    const above = validateOne(limit + 1, [...at]);
    expect(rules(above)).toEqual(['above-capacity']);
    expect(above.status).toBe('rejected');
  });

  it('does not check an installation whose capacity is unknown', () => {
    expect(validateOne(1e9, ['uncapped', 'hours', 'P1']).status).toBe('accepted');
  });
});

describe('validateEntries: platform against infrastructure', () => {
  const infrastructure = [
    stored('cpu', 'hours', 'P1', num(100)),
    stored('gpu', 'hours', 'P1', num(50)),
    // Storage counts toward a TB-month budget, so it is not hours the platform could have used.
    stored('store', 'tb', 'P1', num(25)),
  ];

  it.each([
    { platform: 151, rules: ['platform-above-infrastructure'] },
    { platform: 150, rules: [] },
  ])(
    'platform $platform hours against 150 infrastructure hours → $rules',
    ({ platform, rules: expected }) => {
      expect(rules(validateOne(platform, ['platform', 'hours', 'P1'], infrastructure))).toEqual(expected);
    },
  );

  it('uses the infrastructure figures of the same batch and period', () => {
    const outcomes = validateEntries(
      [
        entry('cpu', 'hours', 'P1', 100),
        entry('platform', 'hours', 'P1', 120),
        entry('platform', 'hours', 'P2', 120),
      ],
      { config, now, stored: [stored('cpu', 'hours', 'P2', num(500))] },
    );
    expect(rules(outcomes[1])).toEqual(['platform-above-infrastructure']);
    expect(rules(outcomes[2])).toEqual([]);
  });

  it('waits for infrastructure figures rather than comparing with nothing', () => {
    expect(rules(validateOne(120, ['platform', 'hours', 'P1']))).toEqual([]);
  });
});

describe('validateEntries on the seed (examples/imagine-py1)', () => {
  const imagine = imagineConfig();
  const csv = readFileSync(
    join(__dirname, '..', '..', '..', 'examples', 'imagine-py1', 'metrics.csv'),
    'utf8',
  );
  const entries = parseMetricsTable(csv, imagine, 'metrics.csv');
  const outcomes = validateEntries(entries, {
    config: imagine,
    now: DateTime.fromISO('2024-01-15T09:00:00Z'),
  });

  it('gives one outcome per entry, in order, and accepts every period value', () => {
    expect(outcomes).toHaveLength(entries.length);
    outcomes.forEach((outcome, index) => {
      expect(outcome.location.cell).toBe(entries[index]?.cell);
    });
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
  });

  it('reads the seed figures the executive summary adds up', () => {
    const valueAt = (installationId: string, metricId: string, periodId: string) =>
      outcomes.find(
        (outcome) =>
          outcome.location.installationId === installationId &&
          outcome.location.metricId === metricId &&
          outcome.location.periodId === periodId,
      )?.value;
    expect(valueAt('ifca-cpu', 'cpu-hours', 'P1')).toEqual(num(94656));
    expect(valueAt('incd-storage', 'storage-tb-month', 'P2')).toEqual(num(3.4));
    expect(valueAt('incd-cpu', 'countries', 'P1')).toEqual({ type: 'countries', codes: [] });
  });

  it('warns every "0" or "N/A" country list and nothing else', () => {
    const issues = outcomes.flatMap((outcome) => outcome.issues);
    expect(new Set(issues.map((issue) => issue.ruleId))).toEqual(new Set(['empty-country-list']));
    for (const issue of issues) expect(issue.severity).toBe(ruleById(issue.ruleId).severity);
  });
});
