import { DateTime } from 'luxon';
import type { PeriodId } from '../../../functions/domain/calendar/reporting-period';
import type { EntryValue } from '../../../functions/domain/entries/entry';
import type { RawInput } from '../../../functions/domain/entries/metric-value';
import { ruleById } from '../../../functions/domain/validation/rule-catalogue';
import { validateBaselines } from '../../../functions/domain/validation/validate-baselines';
import { validateEntries } from '../../../functions/domain/validation/validate-entries';
import type { ValidationOutcome } from '../../../functions/domain/validation/validation-outcome';
import { tinyConfig } from '../../fixtures/tiny-config';

/** No capacity anywhere: the bounds under test are the only ones that apply. */
const config = tinyConfig(
  [
    {
      id: 'cpu',
      name: 'IFCA-CSIC Scientific Cloud – CPU',
      metrics: [
        {
          id: 'hours',
          kind: 'hours',
          label: 'CPU node/hours served over the period',
          countsToward: 'cpu-hours',
        },
        { id: 'users', kind: 'count', label: 'Number of users', baseline: '> 200' },
        { id: 'country-count', kind: 'country-count', label: 'Number of countries reached' },
        { id: 'zero-baseline', kind: 'hours', label: 'Hours on a new service', baseline: '0' },
      ],
    },
    {
      id: 'store',
      resourceKind: 'storage',
      metrics: [{ id: 'tb', kind: 'tb-month', label: 'Storage served', countsToward: 'storage' }],
    },
  ],
  { locale: 'en' },
);
const now = DateTime.fromISO('2023-06-01T12:00:00', { zone: 'Europe/Madrid' });

function validate(raw: RawInput, metricId = 'hours', installationId = 'cpu', stored: EntryValue[] = []) {
  const [outcome] = validateEntries(
    [{ installationId, metricId, periodId: 'P2' as PeriodId, raw, cell: 'Metrics!D7' }],
    { config, now, stored },
  );
  if (outcome === undefined) throw new Error('no outcome');
  return outcome;
}

const rules = (outcome: ValidationOutcome) => outcome.issues.map((issue) => issue.ruleId);
const errors = (outcome: ValidationOutcome) =>
  outcome.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.ruleId);

describe('every number goes through the same rules, whichever way it arrives', () => {
  it('rejects 1e308 sent as a JSON number in an hours cell, naming the cell, the figure and the bound', () => {
    const outcome = validate(1e308);
    expect(outcome).toMatchObject({ status: 'rejected', value: null, normalized: '' });
    expect(rules(outcome)).toEqual(['implausible-value']);
    expect(outcome.issues[0]?.message).toBe(
      'IFCA-CSIC Scientific Cloud – CPU › CPU node/hours served over the period › P2 (M07–M12), Metrics!D7: ' +
        'found "1e+308", expected at most 1,000,000,000,000 CPU-hours (more than any installation reports)',
    );
  });

  it.each([
    { number: 2e12, text: '2,000,000,000,000', rule: 'implausible-value' },
    { number: 5e15, text: '5000000000M', rule: 'implausible-value' },
    { number: 1e-9, text: '0.000000001', rule: 'implausible-value' },
    { number: Number.MIN_VALUE, text: '0.0000001', rule: 'implausible-value' },
    { number: -3, text: '-3', rule: 'negative' },
  ])('$number as a JSON number and "$text" typed both answer $rule', ({ number, text, rule }) => {
    for (const raw of [number, text]) {
      const outcome = validate(raw);
      expect(outcome.status).toBe('rejected');
      expect(errors(outcome)).toEqual([rule]);
    }
  });

  it.each([
    { raw: 1e12, normalized: '1,000,000,000,000' },
    { raw: '1,000,000,000,000', normalized: '1,000,000,000,000' },
    { raw: 0.000001, normalized: '0.000001' },
    { raw: 0, normalized: '0' },
    { raw: -0, normalized: '0' },
  ])('accepts $raw at the edge of the plausible, printed $normalized', ({ raw, normalized }) => {
    const outcome = validate(raw);
    expect(outcome.status).not.toBe('rejected');
    expect(outcome.normalized).toBe(normalized);
  });

  it('rejects a text too long to be a finite number as not a number, not as infinity', () => {
    const outcome = validate('9'.repeat(400));
    expect(rules(outcome)).toEqual(['not-a-number']);
    expect(outcome.issues[0]?.message).not.toMatch(/Infinity|∞/);
  });

  it.each([1.5, '1.5'])('wants whole users, as %j', (raw) => {
    expect(rules(validate(raw, 'users'))).toEqual(['not-whole']);
  });

  it('bounds a number of countries by the countries there are', () => {
    expect(validate(250, 'country-count').status).toBe('accepted');
    const outcome = validate(251, 'country-count');
    expect(rules(outcome)).toEqual(['implausible-value']);
    expect(outcome.issues[0]?.expected).toBe(
      'at most 250 countries (the number of countries ISO 3166-1 lists)',
    );
  });

  it('applies the same bounds to baselines', () => {
    const withBaseline = tinyConfig([
      { id: 'inst', metrics: [{ id: 'hours', kind: 'hours', baseline: 1e308 }] },
    ]);
    const [outcome] = validateBaselines(withBaseline);
    expect(outcome?.status).toBe('rejected');
    expect(outcome?.issues.map((issue) => issue.ruleId)).toEqual(['implausible-value']);
  });
});

describe('a period value far above what its metric is planned against', () => {
  it("warns above 10 times the budget's whole amount, and accepts the value", () => {
    expect(validate(60_000_000).status).toBe('accepted');
    const outcome = validate(60_000_001);
    expect(outcome).toMatchObject({ status: 'warning', normalized: '60,000,001' });
    expect(rules(outcome)).toEqual(['far-above-reference']);
    expect(outcome.issues[0]?.expected).toBe(
      "at most 60,000,000 CPU-hours in one period, 10 times the whole project's CPU-hours budget (6,000,000 CPU-hours)",
    );
  });

  it('warns above 10 times the baseline when there is no budget', () => {
    expect(validate(2000, 'users').status).toBe('accepted');
    const outcome = validate(2001, 'users');
    expect(rules(outcome)).toEqual(['far-above-reference']);
    expect(outcome.issues[0]?.expected).toContain("the metric's baseline (200 users over the project)");
  });

  it('takes a baseline of 0 for no guide to scale', () => {
    expect(validate(5_000_000, 'zero-baseline').status).toBe('accepted');
  });

  it('is in the rule catalogue as a warning, next to the rejecting bound', () => {
    expect(ruleById('far-above-reference').severity).toBe('warning');
    expect(ruleById('implausible-value').severity).toBe('error');
  });
});
