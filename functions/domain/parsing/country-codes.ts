import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(english);

/** The EU's own codes (Interinstitutional Style Guide) that ISO 3166-1 spells differently. */
export const EU_COUNTRY_ALIASES: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };

/**
 * Codes that are not ISO 3166-1 but are common slips for one country, so the suggestion is safe:
 * SP (Spain, ES) and the sports codes people carry over (GER, SUI, NED, POR, DEN, CRO).
 * They are rejected, never silently replaced.
 */
export const COMMON_CODE_SLIPS: Readonly<Record<string, string>> = {
  SP: 'ES',
  GER: 'DE',
  SUI: 'CH',
  NED: 'NL',
  POR: 'PT',
  DEN: 'DK',
  CRO: 'HR',
};

/**
 * Valid codes that are frequent slips for a European neighbour: warned when the rest of a list is
 * European. GE is Georgia (Germany is DE); AU is Australia (Austria is AT).
 */
export const EUROPEAN_LOOKALIKES: Readonly<Record<string, string>> = { GE: 'DE', AU: 'AT' };

/** True for an assigned ISO 3166-1 alpha-2 code, in upper case. */
export function isAlpha2Code(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** The alpha-2 code for an assigned alpha-3 code ("ESP" → "ES"), else undefined. */
export function alpha2FromAlpha3(code: string): string | undefined {
  if (!/^[A-Z]{3}$/.test(code)) return undefined;
  return countries.alpha3ToAlpha2(code);
}

/** The alpha-2 code for an English country name ("Spain", "United Kingdom"), case-insensitive. */
export function alpha2FromName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed.length < 3) return undefined;
  return countries.getAlpha2Code(trimmed, 'en') ?? undefined;
}

export function countryName(code: string): string | undefined {
  return countries.getName(code, 'en') ?? undefined;
}

/** "ES (Spain)", as messages name a country. */
export function countryLabel(code: string): string {
  const name = countryName(code);
  return name === undefined ? code : `${code} (${name})`;
}

/** How many countries ISO 3166-1 assigns a code to: no installation can reach more. */
export const ASSIGNED_COUNTRY_COUNT = Object.keys(countries.getAlpha2Codes()).length;
