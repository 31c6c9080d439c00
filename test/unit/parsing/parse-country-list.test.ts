import { parseCountryList } from '../../../functions/domain/parsing/parse-country-list';
import type { RuleId } from '../../../functions/domain/validation/rule-catalogue';

interface Row {
  input: string | number;
  codes: string[] | null;
  rules: RuleId[];
}

describe('parseCountryList', () => {
  it.each<Row>([
    { input: 'ES, PT', codes: ['ES', 'PT'], rules: [] },
    { input: 'FR, BE, ES, IT, PT, IE', codes: ['FR', 'BE', 'ES', 'IT', 'PT', 'IE'], rules: [] },
    { input: 'es;pt', codes: ['ES', 'PT'], rules: [] },
    { input: 'ES PT  FR', codes: ['ES', 'PT', 'FR'], rules: [] },
    { input: 'ES\nPT\r\nFR', codes: ['ES', 'PT', 'FR'], rules: [] },
    { input: 'ES,,PT,', codes: ['ES', 'PT'], rules: [] },
    { input: 'TR', codes: ['TR'], rules: [] },
    { input: 'GE', codes: ['GE'], rules: [] },
    { input: 'GE, AM, AZ', codes: ['GE', 'AM', 'AZ'], rules: [] },
    // The seed's platform baseline has US in it, so neither AU nor anything else is a lookalike there.
    { input: 'US, DE, GB, SK, CZ, CH, AU', codes: ['US', 'DE', 'GB', 'SK', 'CZ', 'CH', 'AU'], rules: [] },
    { input: '', codes: [], rules: [] },
  ])('$input → $codes', ({ input, codes, rules }) => {
    const result = parseCountryList(input);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(rules);
    expect(result.value).toEqual(codes);
  });

  it.each<Row>([
    // The seed's real problems.
    { input: 'SP, PT', codes: null, rules: ['unknown-country'] },
    { input: 'ES, PT, FR, UK, IT', codes: ['ES', 'PT', 'FR', 'GB', 'IT'], rules: ['eu-country-alias'] },
    { input: 'EL, IT', codes: ['GR', 'IT'], rules: ['eu-country-alias'] },
    {
      input: 'ES, PT, FR, UK, IT, GE, BE, SK, PL',
      codes: ['ES', 'PT', 'FR', 'GB', 'IT', 'GE', 'BE', 'SK', 'PL'],
      rules: ['eu-country-alias', 'country-lookalike'],
    },
    { input: 'FR, AU, IT', codes: ['FR', 'AU', 'IT'], rules: ['country-lookalike'] },
    { input: '0', codes: [], rules: ['empty-country-list'] },
    { input: 0, codes: [], rules: ['empty-country-list'] },
    { input: 'none', codes: [], rules: ['empty-country-list'] },
    { input: 'NONE', codes: [], rules: ['empty-country-list'] },
    { input: 'N/A', codes: [], rules: ['empty-country-list'] },
    { input: 'n/a', codes: [], rules: ['empty-country-list'] },
    // Duplicates, names and alpha-3 codes.
    { input: 'ES, PT, ES', codes: ['ES', 'PT'], rules: ['duplicate-country'] },
    { input: 'UK, GB', codes: ['GB'], rules: ['eu-country-alias', 'duplicate-country'] },
    { input: 'Spain, Portugal', codes: ['ES', 'PT'], rules: ['country-name', 'country-name'] },
    { input: 'United Kingdom; Czech Republic', codes: ['GB', 'CZ'], rules: ['country-name', 'country-name'] },
    { input: 'ESP, DEU', codes: ['ES', 'DE'], rules: ['alpha3-country-code', 'alpha3-country-code'] },
    // Rejected.
    { input: 'GER, FR', codes: null, rules: ['unknown-country'] },
    { input: 'ES, XX, PT', codes: null, rules: ['unknown-country'] },
    { input: 'United Kingdm', codes: null, rules: ['unknown-country'] },
    { input: 'ES, 7', codes: null, rules: ['unknown-country'] },
    { input: 7, codes: null, rules: ['unknown-country'] },
    { input: '=IMPORTXML("http://example.org", "//li")', codes: null, rules: ['formula-not-evaluated'] },
    { input: 'ES, '.repeat(600), codes: null, rules: ['text-too-long'] },
  ])('$input → $codes with $rules', ({ input, codes, rules }) => {
    const result = parseCountryList(input);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(rules);
    expect(result.value).toEqual(codes);
  });

  it('suggests ES for SP', () => {
    const [finding] = parseCountryList('SP').findings;
    expect(finding).toMatchObject({ found: 'SP', suggestion: 'ES', suggestionLabel: 'ES (Spain)' });
  });

  it.each([
    ['GER', 'DE'],
    ['SUI', 'CH'],
    ['NED', 'NL'],
  ])('suggests %s → %s', (input, suggestion) => {
    expect(parseCountryList(input).findings[0]?.suggestion).toBe(suggestion);
  });

  it('has no suggestion for a code nobody could guess', () => {
    expect(parseCountryList('XX').findings[0]?.suggestion).toBeUndefined();
  });

  it('keeps GE as Georgia but asks whether DE was meant', () => {
    const finding = parseCountryList('FR, GE, IT').findings[0];
    expect(finding).toMatchObject({ ruleId: 'country-lookalike', found: 'GE', suggestion: 'DE' });
    expect(finding?.action).toContain('Georgia');
    expect(finding?.suggestionLabel).toBe('DE (Germany)');
  });

  it('reads UK as GB and says so', () => {
    const finding = parseCountryList('UK').findings[0];
    expect(finding).toMatchObject({ ruleId: 'eu-country-alias', found: 'UK' });
    expect(finding?.action).toContain('GB (United Kingdom)');
  });
});
