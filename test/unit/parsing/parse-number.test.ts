import { type NumberParseOptions, parseNumber } from '../../../functions/domain/parsing/parse-number';
import type { RuleId } from '../../../functions/domain/validation/rule-catalogue';

interface Row {
  input: string | number;
  options?: NumberParseOptions;
  value: number | null;
  rules?: RuleId[];
  comparator?: string;
}

const storage: NumberParseOptions = { storage: true, unit: 'TB-month' };

describe('parseNumber reads numbers as Sheets sends them and as people type them', () => {
  it.each<Row>([
    // Sheets sends numbers as numbers.
    { input: 94656, value: 94656 },
    { input: 3.4, value: 3.4 },
    { input: 0, value: 0 },
    // The seed's forms.
    { input: '94,656', options: { locale: 'en' }, value: 94656 },
    { input: '11,586,723', value: 11586723 },
    { input: '29433.6', value: 29433.6 },
    { input: '3.4', value: 3.4 },
    { input: '3,900,000', value: 3900000 },
    { input: '1188', value: 1188 },
    { input: '  42  ', value: 42 },
    { input: '1 000 000', value: 1000000 },
    { input: "1'000'000", value: 1000000 },
    { input: '1,234.5', value: 1234.5 },
    { input: '1.234,5', options: { locale: 'de-DE' }, value: 1234.5 },
    { input: '0,500', options: { locale: 'de-DE' }, value: 0.5 },
    { input: '29433,6', options: { locale: 'es-ES' }, value: 29433.6 },
    { input: '+5', value: 5 },
    { input: '-5', value: -5 },
    { input: '−5', value: -5 },
  ])('$input ($options) → $value without findings', ({ input, options, value }) => {
    const result = parseNumber(input, options);
    expect(result.findings).toEqual([]);
    expect(result.value).toEqual({ value });
  });

  it.each<Row>([
    // An ambiguous form follows the locale when there is one and reads as thousands otherwise;
    // whether it is warned depends on the metric and its neighbours (ambiguousSeparatorFinding).
    { input: '1,500', value: 1500, rules: [] },
    { input: '1.500', value: 1500, rules: [] },
    { input: '94,656', value: 94656, rules: [] },
    { input: '1,500', options: { locale: 'en' }, value: 1500, rules: [] },
    { input: '1,500', options: { locale: 'en-GB' }, value: 1500, rules: [] },
    { input: '1.500', options: { locale: 'en' }, value: 1.5, rules: [] },
    { input: '1,500', options: { locale: 'es-ES' }, value: 1.5, rules: [] },
    { input: '1.500', options: { locale: 'es-ES' }, value: 1500, rules: [] },
    { input: '1.500', options: { locale: 'de-DE' }, value: 1500, rules: [] },
    { input: '1,500', options: { locale: 'not a locale!' }, value: 1500, rules: [] },
    // Unambiguous but foreign to the sheet locale: read and warned.
    { input: '4.000.000', options: { locale: 'en' }, value: 4000000, rules: ['foreign-separator'] },
    { input: '4.000.000', value: 4000000, rules: [] },
    { input: '4,000,000', options: { locale: 'de-DE' }, value: 4000000, rules: ['foreign-separator'] },
    { input: '4.000.000', options: { locale: 'de-DE' }, value: 4000000, rules: [] },
    { input: '3,4', options: { locale: 'en' }, value: 3.4, rules: ['foreign-separator'] },
    { input: '29433.6', options: { locale: 'de-DE' }, value: 29433.6, rules: ['foreign-separator'] },
    { input: '1.234,5', options: { locale: 'en' }, value: 1234.5, rules: ['foreign-separator'] },
    { input: '1,234.5', options: { locale: 'en' }, value: 1234.5, rules: [] },
    // Suffixes and storage units.
    { input: '1M', value: 1000000, rules: ['abbreviated-number'] },
    { input: '3M', value: 3000000, rules: ['abbreviated-number'] },
    { input: '1.5M', value: 1500000, rules: ['abbreviated-number'] },
    { input: '3k', value: 3000, rules: ['abbreviated-number'] },
    { input: '1 PB', options: storage, value: 1000, rules: ['unit-converted'] },
    { input: '1PB', options: storage, value: 1000, rules: ['unit-converted'] },
    { input: '300 GB', options: storage, value: 0.3, rules: ['unit-converted'] },
    { input: '30 TB', options: storage, value: 30, rules: [] },
    { input: '30 TB-month', options: storage, value: 30, rules: [] },
    { input: '1.5k TB', options: storage, value: 1500, rules: ['abbreviated-number'] },
  ])('$input ($options) → $value with $rules', ({ input, options, value, rules }) => {
    const result = parseNumber(input, options);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(rules);
    expect(result.value?.value).toBe(value);
  });

  it.each<Row>([
    { input: '> 200', value: 200, comparator: '>' },
    { input: '>15000', value: 15000, comparator: '>' },
    { input: '>= 5', value: 5, comparator: '>=' },
    { input: '≤ 5', value: 5, comparator: '<=' },
  ])('a baseline comparator $input is kept when allowed', ({ input, value, comparator }) => {
    expect(parseNumber(input, { allowComparator: true })).toEqual({
      value: { value, comparator },
      findings: [],
    });
  });

  it.each<Row>([
    { input: '> 200', value: null, rules: ['comparator-in-value'] },
    { input: '1 PB', value: null, rules: ['unexpected-unit'] },
    { input: '12 hours', value: null, rules: ['unexpected-unit'] },
    { input: '12 parsecs', options: storage, value: null, rules: ['unexpected-unit'] },
    { input: 'abc', value: null, rules: ['not-a-number'] },
    { input: 'N/A', value: null, rules: ['not-a-number'] },
    { input: '12%', value: null, rules: ['not-a-number'] },
    { input: '1,2,3', value: null, rules: ['not-a-number'] },
    { input: '1.23.4', value: null, rules: ['not-a-number'] },
    { input: '1,2.5', value: null, rules: ['not-a-number'] },
    { input: '12.', value: null, rules: ['not-a-number'] },
    { input: Number.NaN, value: null, rules: ['not-a-number'] },
    { input: Number.POSITIVE_INFINITY, value: null, rules: ['not-a-number'] },
    { input: '=IMPORTXML("http://example.org", "//td")', value: null, rules: ['formula-not-evaluated'] },
    { input: '=1+1', value: null, rules: ['formula-not-evaluated'] },
    { input: '9'.repeat(2001), value: null, rules: ['text-too-long'] },
  ])('$input is rejected with $rules', ({ input, options, rules }) => {
    const result = parseNumber(input, options);
    expect(result.value).toBeNull();
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(rules);
  });

  it.each([
    { input: '1,500', options: {}, readAs: 'thousands separator', value: 1500, otherValue: 1.5 },
    { input: '1.500', options: { locale: 'en' }, readAs: 'decimal mark', value: 1.5, otherValue: 1500 },
    { input: '1,500', options: { locale: 'de-DE' }, readAs: 'decimal mark', value: 1.5, otherValue: 1500 },
    {
      input: '94,656',
      options: { locale: 'en' },
      readAs: 'thousands separator',
      value: 94656,
      otherValue: 94.656,
    },
    {
      input: '-1.500k',
      options: { locale: 'en' },
      readAs: 'decimal mark',
      value: -1500,
      otherValue: -1500000,
    },
  ] as const)(
    'returns both readings of $input ($options)',
    ({ input, options, readAs, value, otherValue }) => {
      const result = parseNumber(input, options);
      expect(result.value?.value).toBe(value);
      expect(result.ambiguity).toMatchObject({ readAs, value, otherValue });
      expect(result.ambiguity?.locale).toBe('locale' in options ? options.locale : undefined);
    },
  );

  it.each(['1,5', '0,500', '1,234.5', '1.234.567', '1500', '12.50', '1.2345'])(
    'finds nothing ambiguous in %s',
    (input) => {
      expect(parseNumber(input, { locale: 'en' }).ambiguity).toBeUndefined();
    },
  );

  it.each([
    { input: 1e308, value: 1e308 },
    { input: -0, value: 0 },
    { input: 0.1 + 0.2, value: 0.3 },
  ])('finishes a JSON number $input the way it finishes typed text', ({ input, value }) => {
    expect(parseNumber(input).value?.value).toBe(value);
    expect(Object.is(parseNumber(input).value?.value, -0)).toBe(false);
  });

  it('names the sheet locale when a number is foreign to it', () => {
    const [finding] = parseNumber('4.000.000', { locale: 'en' }).findings;
    expect(finding?.expected).toContain('"en"');
    expect(finding?.expected).toContain('4,000,000');
    expect(finding?.action).toContain('read as 4,000,000');
  });

  it('reports the converted storage figure in the metric unit', () => {
    const [finding] = parseNumber('1 PB', storage).findings;
    expect(finding?.action).toBe('converted from PB and read as 1,000 TB-month');
  });

  it('suggests the bare figure when a period value carries a comparator', () => {
    const [finding] = parseNumber('> 200').findings;
    expect(finding?.suggestion).toBe('200');
  });

  it('keeps a huge text out of the message', () => {
    const [finding] = parseNumber('x'.repeat(5000)).findings;
    expect(finding?.found.length).toBeLessThan(80);
    expect(finding?.found).toContain('5,000 characters');
  });
});
