/** EU member states (ISO 3166-1 alpha-2), as of 2020 (the United Kingdom left on 31 January 2020). */
export const EU_MEMBER_STATES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
] as const;

/** EEA members outside the EU. */
export const EEA_NON_EU = ['IS', 'LI', 'NO'] as const;

/**
 * The countries a European project's users usually come from: EU/EEA plus the United Kingdom and
 * Switzerland. A list made only of these makes a stray non-European code suspicious (GE next to FR, IT).
 */
export const EUROPEAN_COUNTRIES: ReadonlySet<string> = new Set<string>([
  ...EU_MEMBER_STATES,
  ...EEA_NON_EU,
  'GB',
  'CH',
]);

export function isEuropeanCountry(code: string): boolean {
  return EUROPEAN_COUNTRIES.has(code);
}
