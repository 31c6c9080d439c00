import { ruleById } from '../../../functions/domain/validation/rule-catalogue';
import { validateBaselines } from '../../../functions/domain/validation/validate-baselines';
import { imagineConfig } from '../../fixtures/imagine-values';
import { singleMetricConfig, tinyConfig } from '../../fixtures/tiny-config';

const IFCA = 'IFCA-CSIC Scientific Cloud – CPU';
const COUNTRIES_LABEL = 'Names of the countries reached over the period';

function ifcaCountries(baseline: string) {
  return tinyConfig([
    {
      id: 'ifca-cpu',
      name: IFCA,
      metrics: [
        { id: 'countries', kind: 'country-list', label: COUNTRIES_LABEL, baseline },
        { id: 'hours', kind: 'hours' },
      ],
    },
  ]);
}

describe('validateBaselines', () => {
  it('gives one outcome per metric with a baseline, pointing at the config field', () => {
    const outcomes = validateBaselines(ifcaCountries('ES, PT'));
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toEqual({
      location: {
        installationId: 'ifca-cpu',
        metricId: 'countries',
        field: 'baseline',
        cell: 'config: installations[ifca-cpu].metrics[countries].baseline',
      },
      status: 'accepted',
      value: { type: 'countries', codes: ['ES', 'PT'] },
      normalized: 'ES, PT',
      issues: [],
    });
  });

  it('rejects SP and suggests ES, in the sentence a coordinator reads', () => {
    const [outcome] = validateBaselines(ifcaCountries('ES, PT, FR, UK, IT, GE, BE, SK, PL, SP'));
    expect(outcome?.status).toBe('rejected');
    expect(outcome?.value).toBeNull();
    expect(outcome?.normalized).toBe('');
    const sp = outcome?.issues.find((issue) => issue.ruleId === 'unknown-country');
    expect(sp).toMatchObject({ severity: 'error', found: 'SP', suggestion: 'ES' });
    expect(sp?.message).toBe(
      `${IFCA} › ${COUNTRIES_LABEL} › baseline: found "SP", expected an ISO 3166-1 alpha-2 code such as ES, DE or GB; did you mean ES (Spain)?`,
    );
  });

  it('warns GE, notes UK, and accepts the seed IFCA list', () => {
    const [outcome] = validateBaselines(ifcaCountries('ES, PT, FR, UK, IT, GE, BE, SK, PL'));
    expect(outcome?.status).toBe('warning');
    expect(outcome?.normalized).toBe('ES, PT, FR, GB, IT, GE, BE, SK, PL');
    const bySeverity = Object.fromEntries(
      outcome?.issues.map((issue) => [issue.ruleId, issue.severity]) ?? [],
    );
    expect(bySeverity).toEqual({ 'eu-country-alias': 'note', 'country-lookalike': 'warning' });
    const ge = outcome?.issues.find((issue) => issue.ruleId === 'country-lookalike');
    expect(ge?.message).toMatch(/found "GE".*Georgia.*did you mean DE \(Germany\)\?$/);
  });

  it('warns a "0" country list and keeps it as an empty list', () => {
    const [outcome] = validateBaselines(ifcaCountries('0'));
    expect(outcome).toMatchObject({ status: 'warning', value: { type: 'countries', codes: [] } });
    expect(outcome?.issues.map((issue) => issue.ruleId)).toEqual(['empty-country-list']);
  });

  it('accepts "N/A" as no baseline, without findings', () => {
    const [outcome] = validateBaselines(ifcaCountries('N/A'));
    expect(outcome).toMatchObject({ status: 'accepted', value: null, normalized: '', issues: [] });
  });

  it.each([
    { kind: 'count', baseline: '> 200', status: 'accepted', normalized: '> 200', rules: [] },
    {
      kind: 'tb-month',
      baseline: '1 PB',
      status: 'accepted',
      normalized: '1,000',
      rules: ['unit-converted'],
    },
    { kind: 'hours', baseline: '1 PB', status: 'rejected', normalized: '', rules: ['unexpected-unit'] },
    {
      kind: 'hours',
      baseline: '3M',
      status: 'accepted',
      normalized: '3,000,000',
      rules: ['abbreviated-number'],
    },
    {
      kind: 'hours',
      baseline: '4.000.000',
      status: 'warning',
      normalized: '4,000,000',
      rules: ['foreign-separator'],
    },
    { kind: 'hours', baseline: '29433.6', status: 'accepted', normalized: '29,433.6', rules: [] },
    { kind: 'hours', baseline: '-1', status: 'rejected', normalized: '', rules: ['negative'] },
    { kind: 'count', baseline: '2.5', status: 'rejected', normalized: '', rules: ['not-whole'] },
  ] as const)('$kind baseline $baseline → $status', ({ kind, baseline, status, normalized, rules }) => {
    const [outcome] = validateBaselines(singleMetricConfig({ id: 'metric', kind, baseline }, 'en'));
    expect(outcome?.status).toBe(status);
    expect(outcome?.normalized).toBe(normalized);
    expect(outcome?.issues.map((issue) => issue.ruleId)).toEqual(rules);
  });

  it.each([
    { count: '3', status: 'rejected' },
    { count: '2', status: 'accepted' },
    { count: '> 1', status: 'accepted' },
  ])('a country-count baseline $count against the list "ES, PT" → $status', ({ count, status }) => {
    const config = tinyConfig([
      {
        id: 'inst',
        metrics: [
          { id: 'countries', kind: 'country-list', baseline: 'ES, PT' },
          { id: 'country-count', kind: 'country-count', baseline: count, countOf: 'countries' },
        ],
      },
    ]);
    const outcome = validateBaselines(config).find(
      (candidate) => candidate.location.metricId === 'country-count',
    );
    expect(outcome?.status).toBe(status);
    if (status === 'rejected') expect(outcome?.issues[0]?.suggestion).toBe('2');
  });

  describe('on the seed (examples/imagine-py1)', () => {
    const outcomes = validateBaselines(imagineConfig());
    const issuesOf = (installationId: string, metricId: string) =>
      outcomes.find(
        (outcome) =>
          outcome.location.installationId === installationId && outcome.location.metricId === metricId,
      )?.issues ?? [];

    it('rejects SP in the AI development platform baseline only', () => {
      const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(rejected.map((outcome) => outcome.location)).toEqual([
        expect.objectContaining({ installationId: 'ai-development', metricId: 'countries' }),
      ]);
      expect(issuesOf('ai-development', 'countries').map((issue) => issue.suggestion)).toContain('ES');
    });

    it.each(['ifca-cpu', 'ifca-gpu', 'ifca-storage'])('warns GE and notes UK for %s', (installationId) => {
      const rules = issuesOf(installationId, 'countries').map((issue) => issue.ruleId);
      expect(rules).toEqual(['eu-country-alias', 'country-lookalike']);
    });

    it.each(['walton-cpu', 'walton-storage'])('warns the "0" country list of %s', (installationId) => {
      expect(issuesOf(installationId, 'countries').map((issue) => issue.ruleId)).toEqual([
        'empty-country-list',
      ]);
    });

    it('takes every severity from the rule catalogue', () => {
      const issues = outcomes.flatMap((outcome) => outcome.issues);
      expect(issues.length).toBeGreaterThan(10);
      for (const issue of issues) expect(issue.severity).toBe(ruleById(issue.ruleId).severity);
    });
  });
});
