import {
  alpha2FromAlpha3,
  alpha2FromName,
  COMMON_CODE_SLIPS,
  countryLabel,
  EU_COUNTRY_ALIASES,
  EUROPEAN_LOOKALIKES,
  isAlpha2Code,
} from './country-codes';
import { isEuropeanCountry } from './european-countries';
import {
  excerpt,
  formulaFinding,
  MAX_TEXT_LENGTH,
  type Parsed,
  type ParseFinding,
  parsed,
  tooLongFinding,
} from './parse-finding';

const EXPECTED_CODE = 'an ISO 3166-1 alpha-2 code such as ES, DE or GB';

/** What people type for "no countries": read as an empty list, with a warning. */
const EMPTY_LIST_MARKERS = /^(0|none|n\/a)$/i;

interface Resolution {
  code: string | null;
  findings: ParseFinding[];
}

function unknownCountry(token: string, suggestion?: string): Resolution {
  return {
    code: null,
    findings: [
      {
        ruleId: 'unknown-country',
        found: excerpt(token),
        expected: EXPECTED_CODE,
        ...(suggestion === undefined ? {} : { suggestion, suggestionLabel: countryLabel(suggestion) }),
      },
    ],
  };
}

/** One token: an alpha-2 code, the EU's own UK/EL, an alpha-3 code or an English country name. */
function resolveToken(token: string): Resolution {
  const upper = token.toUpperCase();
  if (/^[A-Za-z]{2}$/.test(token)) {
    const alias = EU_COUNTRY_ALIASES[upper];
    if (alias !== undefined) {
      return {
        code: alias,
        findings: [
          {
            ruleId: 'eu-country-alias',
            found: token,
            expected: EXPECTED_CODE,
            action: `read as ${countryLabel(alias)}: ${upper} is the EU's own code, ISO 3166-1 writes ${alias}`,
          },
        ],
      };
    }
    if (isAlpha2Code(upper)) return { code: upper, findings: [] };
    return unknownCountry(token, COMMON_CODE_SLIPS[upper]);
  }
  if (/^[A-Za-z]{3}$/.test(token)) {
    const slip = COMMON_CODE_SLIPS[upper];
    if (slip !== undefined) return unknownCountry(token, slip);
    const fromAlpha3 = alpha2FromAlpha3(upper);
    if (fromAlpha3 !== undefined) {
      return {
        code: fromAlpha3,
        findings: [
          {
            ruleId: 'alpha3-country-code',
            found: token,
            expected: EXPECTED_CODE,
            action: `read as ${countryLabel(fromAlpha3)}`,
          },
        ],
      };
    }
  }
  const fromName = alpha2FromName(token);
  if (fromName !== undefined) {
    return {
      code: fromName,
      findings: [
        {
          ruleId: 'country-name',
          found: token,
          expected: EXPECTED_CODE,
          action: `read as ${countryLabel(fromName)}`,
        },
      ],
    };
  }
  return unknownCountry(token);
}

/**
 * A segment between commas, semicolons or line breaks: a name of several words ("United Kingdom")
 * or codes separated by spaces ("ES PT FR").
 */
function resolveSegment(segment: string): Resolution[] {
  const words = segment.split(/\s+/);
  if (words.length === 1) return [resolveToken(segment)];
  const asName = alpha2FromName(segment);
  if (asName !== undefined) return [resolveToken(segment)];
  const perWord = words.map(resolveToken);
  if (perWord.every((resolution) => resolution.code !== null)) return perWord;
  // "United Kingdm" is one mistyped name, not two unknown codes; "ES XX PT" is three codes.
  const codeLike = words.every((word) => /^[A-Za-z]{2,3}$/.test(word));
  return codeLike ? perWord : [unknownCountry(segment)];
}

function emptyListFinding(found: string): ParseFinding {
  return {
    ruleId: 'empty-country-list',
    found,
    expected: 'a list of ISO 3166-1 alpha-2 codes such as "ES, PT", or an empty cell when not known',
    action: 'read as an empty list (no countries reached)',
  };
}

/**
 * Reads a list of countries: codes or English names separated by commas, semicolons, spaces or
 * line breaks. Returns the ISO 3166-1 alpha-2 codes in the order first typed, each once.
 * A blank input is an empty list without findings: callers treat blank cells as "no value".
 */
export function parseCountryList(input: string | number): Parsed<string[]> {
  if (typeof input === 'number') {
    if (input === 0) return parsed([], [emptyListFinding('0')]);
    return parsed(null, [
      {
        ruleId: 'unknown-country',
        found: String(input),
        expected:
          'a list of ISO 3166-1 alpha-2 codes such as "ES, PT" (the number of countries has its own metric)',
      },
    ]);
  }
  const text = input.trim();
  if (text.length > MAX_TEXT_LENGTH) return parsed(null, [tooLongFinding(text)]);
  if (text.startsWith('=')) return parsed(null, [formulaFinding(text)]);
  if (EMPTY_LIST_MARKERS.test(text)) return parsed([], [emptyListFinding(text)]);

  const segments = text
    .split(/[,;\r\n]+/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');
  const resolutions = segments.flatMap(resolveSegment);
  const findings = resolutions.flatMap((resolution) => resolution.findings);

  const codes: string[] = [];
  const reported = new Set<string>();
  for (const resolution of resolutions) {
    const code = resolution.code;
    if (code === null) continue;
    if (!codes.includes(code)) {
      codes.push(code);
    } else if (!reported.has(code)) {
      reported.add(code);
      findings.push({
        ruleId: 'duplicate-country',
        found: code,
        expected: 'each country once',
        action: 'kept once',
      });
    }
  }

  for (const code of codes) {
    const intended = EUROPEAN_LOOKALIKES[code];
    if (intended === undefined) continue;
    const others = codes.filter((other) => other !== code);
    if (others.length > 0 && others.every(isEuropeanCountry)) {
      findings.push({
        ruleId: 'country-lookalike',
        found: code,
        expected: 'a European country like the rest of the list',
        action: `kept as ${countryLabel(code)}`,
        suggestion: intended,
        suggestionLabel: countryLabel(intended),
      });
    }
  }
  return parsed(codes, findings);
}
