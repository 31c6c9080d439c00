import { DateTime } from 'luxon';
import type { PeriodId } from '../../../functions/domain/calendar/reporting-period';
import type { EntryValue } from '../../../functions/domain/entries/entry';
import type { RawInput } from '../../../functions/domain/entries/metric-value';
import { ruleById } from '../../../functions/domain/validation/rule-catalogue';
import { validateBaselines } from '../../../functions/domain/validation/validate-baselines';
import { validateEntries } from '../../../functions/domain/validation/validate-entries';
import type { ValidationOutcome } from '../../../functions/domain/validation/validation-outcome';
import { type TinyMetric, tinyConfig } from '../../fixtures/tiny-config';

const METRICS: TinyMetric[] = [
  { id: 'hours', kind: 'hours', label: 'CPU node/hours served over the period' },
  { id: 'users', kind: 'count', label: 'Number of users' },
  { id: 'tb', kind: 'tb-month', label: 'Storage served' },
];

const sheet = (locale?: string) =>
  tinyConfig(
    [{ id: 'cpu', name: 'IFCA-CSIC Scientific Cloud – CPU', metrics: METRICS }],
    locale === undefined ? {} : { locale },
  );
const now = DateTime.fromISO('2023-06-01T12:00:00', { zone: 'Europe/Madrid' });

/** The cell is P2; `previous` is the same metric's stored P1 figure. */
function validate(raw: RawInput, options: { locale?: string; metricId?: string; previous?: number } = {}) {
  const metricId = options.metricId ?? 'hours';
  const stored: EntryValue[] =
    options.previous === undefined
      ? []
      : [
          {
            installationId: 'cpu',
            metricId,
            periodId: 'P1',
            value: { type: 'number', value: options.previous },
          },
        ];
  const [outcome] = validateEntries([{ installationId: 'cpu', metricId, periodId: 'P2' as PeriodId, raw }], {
    config: sheet(options.locale),
    now,
    stored,
  });
  if (outcome === undefined) throw new Error('no outcome');
  return outcome;
}

const rules = (outcome: ValidationOutcome) => outcome.issues.map((issue) => issue.ruleId);
const separatorIssue = (outcome: ValidationOutcome) =>
  outcome.issues.find((issue) => issue.ruleId === 'ambiguous-separator');

describe('a lone separator before three digits, in hours and counts', () => {
  it.each([
    { raw: '1.500', locale: 'en', read: 1.5, other: '1,500' },
    { raw: '94.656', locale: 'en-GB', read: 94.656, other: '94,656' },
    { raw: '1,500', locale: 'de-DE', read: 1.5, other: '1,500' },
    { raw: '1,500', locale: 'es-ES', read: 1.5, other: '1,500' },
  ])('warns $raw read as $read under "$locale", and keeps the value read', ({ raw, locale, read, other }) => {
    const outcome = validate(raw, { locale });
    expect(outcome.status).toBe('warning');
    expect(outcome.value).toEqual({ type: 'number', value: read });
    expect(rules(outcome)).toEqual(['ambiguous-separator']);
    const issue = separatorIssue(outcome);
    expect(issue?.found).toBe(raw);
    expect(issue?.message).toContain(`under the sheet locale "${locale}"`);
    expect(issue?.message).toContain(`it would be ${other} if`);
    expect(issue?.message).toContain('separates thousands');
  });

  it('says both readings in one sentence, and which the previous period makes likelier', () => {
    const outcome = validate('94.656', { locale: 'en', previous: 90_000 });
    expect(outcome.value).toEqual({ type: 'number', value: 94.656 });
    expect(separatorIssue(outcome)).toMatchObject({
      severity: 'warning',
      suggestion: '94656',
      message:
        'IFCA-CSIC Scientific Cloud – CPU › CPU node/hours served over the period › P2 (M07–M12): found "94.656", ' +
        'expected a figure that reads one way only: 94656 if "." separates thousands, or 94.656 if it is the decimal mark; ' +
        'read as 94.656 under the sheet locale "en", where "." is the decimal mark; it would be 94,656 if "." separates ' +
        'thousands; 94,656 is the likelier reading, as the previous period had 90,000 CPU-hours in P1 (M01–M06); ' +
        'please check; did you mean 94656?',
    });
    // The fall to a thousandth is warned too, by its own rule.
    expect(rules(outcome)).toEqual(['ambiguous-separator', 'sudden-fall']);
  });

  it('says the reading as read is the likelier one when the previous period agrees, without a suggestion', () => {
    const issue = separatorIssue(validate('1.500', { locale: 'en', previous: 1.2 }));
    expect(issue?.message).toContain('1.5 is the likelier reading, as the previous period had 1.2 CPU-hours');
    expect(issue?.suggestion).toBeUndefined();
  });

  it('stays silent when the locale reads thousands and nothing says otherwise', () => {
    for (const previous of [undefined, 0, 90_000]) {
      expect(
        validate('94,656', { locale: 'en', ...(previous === undefined ? {} : { previous }) }),
      ).toMatchObject({
        status: 'accepted',
        issues: [],
      });
    }
  });

  it('warns a thousands reading when the previous period makes the decimal one likelier', () => {
    const outcome = validate('1,500', { locale: 'en', previous: 1.4 });
    expect(outcome.value).toEqual({ type: 'number', value: 1500 });
    expect(separatorIssue(outcome)).toMatchObject({
      suggestion: '1.5',
      message: expect.stringContaining(
        '1.5 is the likelier reading, as the previous period had 1.4 CPU-hours',
      ),
    });
  });

  it('suggests the thousands reading for a count the locale read as a decimal, rather than rounding it', () => {
    const outcome = validate('1.500', { locale: 'en', metricId: 'users' });
    expect(outcome.status).toBe('rejected');
    expect(rules(outcome)).toEqual(['ambiguous-separator', 'not-whole']);
    expect(separatorIssue(outcome)?.message).toContain(
      '1,500 is the likelier reading, as a count is a whole number',
    );
    expect(outcome.issues.map((issue) => issue.suggestion)).toEqual(['1500', '1,500']);
  });

  it('leaves storage figures to the locale: TB-month carry decimals', () => {
    expect(validate('1.500', { locale: 'en', metricId: 'tb' })).toMatchObject({
      status: 'accepted',
      issues: [],
    });
  });

  it('warns every such form when the sheet has no locale, as thousands, in every numeric metric', () => {
    for (const metricId of ['hours', 'users', 'tb']) {
      const outcome = validate('1,500', { metricId });
      expect(outcome.value).toEqual({ type: 'number', value: 1500 });
      const issue = separatorIssue(outcome);
      expect(issue?.expected).toBe(
        'a number without separators (1500 or 1.5), or a sheet locale (project.locale) that decides what "," means',
      );
      expect(issue?.message).toContain(
        'read as 1,500 ("," taken as a thousands separator because the sheet has no locale)',
      );
    }
  });

  it('warns an ambiguous baseline with both readings', () => {
    const config = tinyConfig([{ id: 'cpu', metrics: [{ id: 'hours', kind: 'hours', baseline: '1.500' }] }], {
      locale: 'en',
    });
    const [outcome] = validateBaselines(config);
    expect(outcome?.status).toBe('warning');
    expect(outcome?.issues[0]?.message).toContain('read as 1.5 under the sheet locale "en"');
  });

  it('describes the rule in the catalogue as warned with both readings', () => {
    const rule = ruleById('ambiguous-separator');
    expect(rule.severity).toBe('warning');
    expect(rule.description).toMatch(/both readings/);
  });
});
