/** Which character a locale writes between the whole and the fractional part of a number. */
export type DecimalMark = '.' | ',';

export interface NumberConvention {
  decimal: DecimalMark;
  /** The grouping character as Intl prints it: ",", ".", a (narrow) no-break space or an apostrophe. */
  group: string;
}

/**
 * The sheet locale's separators, from the runtime's own locale data rather than a hand-kept table.
 * Undefined when no locale is set or the tag is malformed: then ambiguous numbers are warned.
 */
export function numberConventionOf(locale: string | undefined): NumberConvention | undefined {
  if (locale === undefined || locale.trim() === '') return undefined;
  // Building an Intl.NumberFormat costs far more than parsing a number: read each locale once.
  if (!conventions.has(locale)) conventions.set(locale, readConvention(locale));
  return conventions.get(locale);
}

const conventions = new Map<string, NumberConvention | undefined>();

function readConvention(locale: string): NumberConvention | undefined {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  } catch {
    return undefined;
  }
  const decimal = parts.find((part) => part.type === 'decimal')?.value;
  const group = parts.find((part) => part.type === 'group')?.value ?? '';
  if (decimal !== '.' && decimal !== ',') return undefined;
  return { decimal, group };
}
