import { listPeriods } from '../../../functions/domain/calendar/reporting-period';
import { formatFinding, subjectText, toIssue } from '../../../functions/domain/validation/format-finding';
import { tinyConfig } from '../../fixtures/tiny-config';

const [p1, p2] = listPeriods(tinyConfig([{ id: 'inst', metrics: [{ id: 'hours', kind: 'hours' }] }]).project);

describe('formatFinding', () => {
  it.each([
    {
      subject: {
        installation: 'IFCA',
        metric: 'CPU hours',
        field: 'value' as const,
        period: p2,
        cell: 'metrics.csv!D7',
      },
      text: 'IFCA › CPU hours › P2 (M07–M12), metrics.csv!D7',
    },
    {
      subject: { installation: 'IFCA', metric: 'CPU hours', field: 'value' as const, period: p1 },
      text: 'IFCA › CPU hours › P1 (M01–M06)',
    },
    {
      subject: { installation: 'IFCA', metric: 'CPU hours', field: 'value' as const, period: 'P9' },
      text: 'IFCA › CPU hours › P9',
    },
    {
      subject: { installation: 'IFCA', metric: 'CPU hours', field: 'baseline' as const, cell: 'config: x' },
      text: 'IFCA › CPU hours › baseline',
    },
    { subject: { installation: 'installation "x"', field: 'value' as const }, text: 'installation "x"' },
  ])('names where the finding sits: $text', ({ subject, text }) => {
    expect(subjectText(subject)).toBe(text);
  });

  it('adds what was done and the suggestion after what was found and expected', () => {
    const subject = { installation: 'IFCA', metric: 'Countries', field: 'baseline' as const };
    expect(
      formatFinding(subject, {
        ruleId: 'country-lookalike',
        found: 'GE',
        expected: 'a European country',
        action: 'kept as GE (Georgia)',
        suggestion: 'DE',
        suggestionLabel: 'DE (Germany)',
      }),
    ).toBe(
      'IFCA › Countries › baseline: found "GE", expected a European country; kept as GE (Georgia); did you mean DE (Germany)?',
    );
  });

  it('takes the severity from the rule catalogue, not from the caller', () => {
    const subject = { installation: 'IFCA', field: 'value' as const };
    expect(toIssue(subject, { ruleId: 'eu-country-alias', found: 'UK', expected: 'GB' }).severity).toBe(
      'note',
    );
    expect(toIssue(subject, { ruleId: 'country-lookalike', found: 'GE', expected: 'DE' }).severity).toBe(
      'warning',
    );
    expect(toIssue(subject, { ruleId: 'unknown-country', found: 'SP', expected: 'ES' }).severity).toBe(
      'error',
    );
  });

  it('shortens a long found text in the sentence', () => {
    const message = formatFinding(
      { installation: 'I', field: 'value' },
      { ruleId: 'not-a-number', found: 'x'.repeat(500), expected: 'a number' },
    );
    expect(message.length).toBeLessThan(140);
  });
});
