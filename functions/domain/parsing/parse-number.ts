import type { Comparator } from '../entries/metric-value';
import { formatNumber } from './format-metric-value';
import { type DecimalMark, type NumberConvention, numberConventionOf } from './number-convention';
import {
  excerpt,
  formulaFinding,
  MAX_TEXT_LENGTH,
  type Parsed,
  type ParseFinding,
  parsed,
  tooLongFinding,
} from './parse-finding';

export interface NumberParseOptions {
  /** The sheet locale (project.locale): decides "1,500" and flags "4.000.000" in an "en" sheet. */
  locale?: string;
  /** Storage metrics (TB-month) accept PB, TB and GB and are converted to TB. */
  storage?: boolean;
  /** Baselines may say "> 200"; a period value is a measured figure and may not. */
  allowComparator?: boolean;
  /** The metric unit, for messages ("CPU-hours", "TB-month"). */
  unit?: string;
}

export interface ParsedNumber {
  value: number;
  comparator?: Comparator;
}

/**
 * A number whose lone separator before exactly three digits ("1,500", "1.500") reads two ways: the
 * value was read one way (by the sheet locale, or as thousands without one); `otherValue` is the
 * other. Whether that deserves a warning depends on the metric and its neighbours, which the
 * validator knows and the parser does not.
 */
export interface SeparatorAmbiguity {
  /** The digits as typed: "1.500". */
  typed: string;
  separator: DecimalMark;
  /** How `value` read the separator. */
  readAs: 'decimal mark' | 'thousands separator';
  /** The sheet locale that decided; undefined when there is none (or it is malformed): thousands then. */
  locale?: string;
  value: number;
  /** The value had the separator been read the other way, with the same sign, suffix and unit. */
  otherValue: number;
}

/** parseNumber's answer: the value and findings, and whether the separators could be read another way. */
export interface NumberReading extends Parsed<ParsedNumber> {
  ambiguity?: SeparatorAmbiguity;
}

const EXPECTED_NUMBER = 'a number such as 94,656 or 3.4';

const COMPARATORS: Record<string, Comparator> = {
  '>': '>',
  '>=': '>=',
  '≥': '>=',
  '<': '<',
  '<=': '<=',
  '≤': '<=',
};
const COMPARATOR_PREFIX = /^(>=|<=|≥|≤|>|<)\s*/;
const SIGN_PREFIX = /^([-−+])\s*/;
/** Digits grouped by spaces or apostrophes (1 000 000, 1'000'000) or by "." and ","; decided later. */
const NUMBER_BODY = /^(\d{1,3}(?:[ '’]\d{3})+(?:[.,]\d+)?|[\d.,]*\d)/;
const SPACE_GROUPED = /^(\d{1,3}(?:[ '’]\d{3})+)(?:[.,](\d+))?$/;

/** Powers of ten of the suffixes people type in sheets: 3k, 1M. */
const SUFFIX_EXPONENTS: Record<string, number> = { k: 3, K: 3, M: 6 };
/** Powers of ten from each storage unit to TB (decimal units, as providers' accounting reports them). */
const STORAGE_UNIT_EXPONENTS: Record<string, number> = { PB: 3, TB: 0, GB: -3 };
const STORAGE_UNIT = /^(PB|TB|GB)(?:[\s/-]*months?)?$/i;

interface BodyReading {
  /** Plain decimal digits with "." as the decimal mark, safe for Number(). */
  canonical: string;
  /** A separator finding whose action is filled in once the final value is known. */
  separator?: Omit<ParseFinding, 'action'> & { explanation: string };
  /** Set for "1,500" and "1.500": the other reading of the lone separator, as canonical digits. */
  alternative?: {
    canonical: string;
    separator: DecimalMark;
    readAs: SeparatorAmbiguity['readAs'];
    locale?: string;
  };
}

function groupedBy(separator: string): RegExp {
  return new RegExp(`^\\d{1,3}(?:\\${separator}\\d{3})+$`);
}

function localeName(locale: string | undefined): string {
  return `"${locale}"`;
}

function foreign(body: string, locale: string | undefined, convention: NumberConvention) {
  return {
    ruleId: 'foreign-separator' as const,
    found: body,
    expected: `a number written as the sheet locale ${localeName(locale)} writes it, e.g. ${formatNumber(4000000, locale)} or ${formatNumber(3.4, locale)}`,
    explanation: `"${convention.decimal}" is this sheet's decimal mark`,
  };
}

/** Reads the digits and separators; null when they do not form a number in any convention. */
function readBody(body: string, locale: string | undefined): BodyReading | null {
  const convention = numberConventionOf(locale);
  if (/[ '’]/.test(body)) {
    const match = SPACE_GROUPED.exec(body);
    if (match?.[1] === undefined) return null;
    const whole = match[1].replace(/[ '’]/g, '');
    return { canonical: match[2] === undefined ? whole : `${whole}.${match[2]}` };
  }
  const commas = body.split(',').length - 1;
  const dots = body.split('.').length - 1;
  if (commas === 0 && dots === 0) return { canonical: body };

  if (commas > 0 && dots > 0) {
    const decimal = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const [whole, fraction, ...extra] = body.split(decimal);
    if (whole === undefined || fraction === undefined || fraction === '' || extra.length > 0) return null;
    if (!groupedBy(group).test(whole)) return null;
    const canonical = `${whole.split(group).join('')}.${fraction}`;
    if (convention !== undefined && convention.decimal !== decimal) {
      return { canonical, separator: foreign(body, locale, convention) };
    }
    return { canonical };
  }

  const separator = commas > 0 ? ',' : '.';
  const parts = body.split(separator);
  if (parts.length > 2) {
    if (!groupedBy(separator).test(body)) return null;
    const canonical = parts.join('');
    if (convention !== undefined && convention.decimal === separator) {
      return { canonical, separator: foreign(body, locale, convention) };
    }
    return { canonical };
  }
  const whole = parts[0] === '' || parts[0] === undefined ? '0' : parts[0];
  const fraction = parts[1] ?? '';
  if (fraction === '') return null;
  const couldBeThousands = fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole);
  if (couldBeThousands) {
    const asThousands = `${whole}${fraction}`;
    const asDecimal = `${whole}.${fraction}`;
    // Without a (valid) locale the separator is taken for thousands, the reading that loses nothing.
    const readAsDecimal = convention?.decimal === separator;
    return {
      canonical: readAsDecimal ? asDecimal : asThousands,
      alternative: {
        canonical: readAsDecimal ? asThousands : asDecimal,
        separator,
        readAs: readAsDecimal ? 'decimal mark' : 'thousands separator',
        ...(convention === undefined || locale === undefined ? {} : { locale }),
      },
    };
  }
  const canonical = `${whole}.${fraction}`;
  if (convention !== undefined && convention.decimal !== separator) {
    return { canonical, separator: foreign(body, locale, convention) };
  }
  return { canonical };
}

interface TailReading {
  exponent: number;
  findings: ParseFinding[];
  /** Set when the tail is a storage unit: what the note calls it. */
  unit?: string;
  suffix?: string;
}

function readTail(tail: string, text: string, options: NumberParseOptions): TailReading | ParseFinding {
  if (tail === '') return { exponent: 0, findings: [] };
  const suffixOnly = SUFFIX_EXPONENTS[tail];
  if (suffixOnly !== undefined) return { exponent: suffixOnly, findings: [], suffix: tail };
  const unitText = STORAGE_UNIT.test(tail) ? tail : undefined;
  const suffixed = /^([kKM])\s*(.+)$/.exec(tail);
  const suffixedUnit = suffixed?.[2] !== undefined && STORAGE_UNIT.test(suffixed[2]) ? suffixed : undefined;
  const unit = unitText ?? suffixedUnit?.[2];
  if (unit === undefined || options.storage !== true) {
    if (!/[A-Za-z]/.test(tail))
      return { ruleId: 'not-a-number', found: excerpt(text), expected: EXPECTED_NUMBER };
    return {
      ruleId: 'unexpected-unit',
      found: excerpt(text),
      expected:
        options.storage === true
          ? `a number in ${options.unit ?? 'TB-month'}, or one with PB, TB or GB (1 PB = 1,000 TB)`
          : `a plain number in ${options.unit ?? 'the metric unit'}, without a unit`,
    };
  }
  const unitCode = unit.slice(0, 2).toUpperCase();
  const unitExponent = STORAGE_UNIT_EXPONENTS[unitCode] ?? 0;
  const suffix = suffixedUnit?.[1];
  const suffixExponent = suffix === undefined ? 0 : (SUFFIX_EXPONENTS[suffix] ?? 0);
  return {
    exponent: unitExponent + suffixExponent,
    findings: [],
    ...(unitCode === 'TB' ? {} : { unit: unitCode }),
    ...(suffix === undefined ? {} : { suffix }),
  };
}

/**
 * Reads a number as Sheets sends it (a number) or as a person typed it ("94,656", "4.000.000",
 * "29433.6", "3M", "1 PB", "> 200"). Negative values are read; whether they are allowed is a rule.
 */
export function parseNumber(input: string | number, options: NumberParseOptions = {}): NumberReading {
  if (typeof input === 'number') {
    const value = normalized(input);
    if (value === null) {
      return parsed(null, [{ ruleId: 'not-a-number', found: String(input), expected: EXPECTED_NUMBER }]);
    }
    return parsed({ value }, []);
  }
  const text = input.replace(/[\u00A0\u2007\u202F]/g, ' ').trim();
  if (text.length > MAX_TEXT_LENGTH) return parsed(null, [tooLongFinding(text)]);
  if (text.startsWith('=')) return parsed(null, [formulaFinding(text)]);

  let rest = text;
  let comparator: Comparator | undefined;
  const comparatorMatch = COMPARATOR_PREFIX.exec(rest);
  if (comparatorMatch?.[1] !== undefined) {
    comparator = COMPARATORS[comparatorMatch[1]];
    rest = rest.slice(comparatorMatch[0].length);
  }
  let sign = 1;
  const signMatch = SIGN_PREFIX.exec(rest);
  if (signMatch?.[1] !== undefined) {
    sign = signMatch[1] === '+' ? 1 : -1;
    rest = rest.slice(signMatch[0].length);
  }
  const bodyMatch = NUMBER_BODY.exec(rest);
  const notANumber: ParseFinding = {
    ruleId: 'not-a-number',
    found: excerpt(text),
    expected: EXPECTED_NUMBER,
  };
  if (bodyMatch === null) return parsed(null, [notANumber]);
  const body = bodyMatch[0];
  const reading = readBody(body, options.locale);
  if (reading === null) return parsed(null, [notANumber]);
  const tail = readTail(rest.slice(body.length).trim(), text, options);
  if ('ruleId' in tail) return parsed(null, [tail]);

  const value = normalized(sign * Number(`${reading.canonical}e${tail.exponent}`));
  if (value === null) return parsed(null, [notANumber]);
  // Formatting costs more than parsing: only a finding needs the figure as text.
  const shown = () => formatNumber(value);
  const findings: ParseFinding[] = [];
  if (reading.separator !== undefined) {
    const { explanation, ...finding } = reading.separator;
    findings.push({ ...finding, action: `read as ${shown()} (${explanation})` });
  }
  if (tail.suffix !== undefined) {
    findings.push({
      ruleId: 'abbreviated-number',
      found: text,
      expected: 'the number written out in full',
      action: `read as ${shown()}`,
    });
  }
  if (tail.unit !== undefined) {
    findings.push({
      ruleId: 'unit-converted',
      found: text,
      expected: `a number in ${options.unit ?? 'TB-month'}`,
      action: `converted from ${tail.unit} and read as ${shown()} ${options.unit ?? 'TB-month'}`,
    });
  }
  if (comparator !== undefined && options.allowComparator !== true) {
    return parsed(null, [
      {
        ruleId: 'comparator-in-value',
        found: text,
        expected: 'the measured figure itself; comparators such as "> 200" are for baselines only',
        suggestion: shown(),
      },
    ]);
  }
  const result: NumberReading = parsed(
    comparator === undefined ? { value } : { value, comparator },
    findings,
  );
  const alternative = reading.alternative;
  if (alternative !== undefined) {
    const otherValue = normalized(sign * Number(`${alternative.canonical}e${tail.exponent}`));
    if (otherValue !== null) {
      result.ambiguity = {
        typed: body,
        separator: alternative.separator,
        readAs: alternative.readAs,
        ...(alternative.locale === undefined ? {} : { locale: alternative.locale }),
        value,
        otherValue,
      };
    }
  }
  return result;
}

/**
 * The one way every number is finished, typed or sent as a JSON number: infinities and NaN are not
 * numbers, -0 is 0, and toPrecision(15) removes binary noise (0.3 GB is 0.0003 TB, not
 * 0.00030000000000000003). Null when the input is not a finite number.
 */
function normalized(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  if (value === 0) return 0;
  // A whole number within 2^53 is exact already, and most figures are whole.
  if (Number.isSafeInteger(value)) return value;
  return Number(value.toPrecision(15));
}
