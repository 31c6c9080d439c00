import type { MetricKind } from '../config/metric-definition-schema';
import { formatNumber } from '../parsing/format-metric-value';
import type { ParseFinding } from '../parsing/parse-finding';
import type { SeparatorAmbiguity } from '../parsing/parse-number';

/**
 * Metrics whose figures are whole counts or hours: a lone separator before exactly three digits in
 * them is far more often a thousands separator than three decimals, so a sheet locale that reads it
 * as a decimal mark may cost a partner three orders of magnitude without a word.
 */
const MISREADABLE_KINDS: ReadonlySet<MetricKind> = new Set(['hours', 'count', 'country-count']);

/** The same metric's figure in the period before, which tells which reading is the likelier one. */
export interface NeighbourFigure {
  value: number;
  /** "1,480 CPU-hours in P1 (M01–M06)"; a function, as only a finding needs it and formatting is costly. */
  describe: () => string;
}

type Reading = 'as read' | 'other';

/** Which reading is likelier, and why; undefined when nothing tells them apart. */
interface Likelier {
  reading: Reading;
  why: string;
}

const WHOLE_KINDS: ReadonlySet<MetricKind> = new Set(['count', 'country-count']);

/**
 * A count is whole, so a reading with decimals is out; otherwise the reading closer to the previous
 * period's figure by ratio (1,500 is as far from 150 as 15 is) is the likelier one.
 */
function likelierReading(
  ambiguity: SeparatorAmbiguity,
  kind: MetricKind,
  neighbour: NeighbourFigure | undefined,
): Likelier | undefined {
  if (WHOLE_KINDS.has(kind) && Number.isInteger(ambiguity.value) !== Number.isInteger(ambiguity.otherValue)) {
    return {
      reading: Number.isInteger(ambiguity.value) ? 'as read' : 'other',
      why: 'a count is a whole number',
    };
  }
  if (neighbour === undefined || neighbour.value <= 0) return undefined;
  if (ambiguity.value <= 0 || ambiguity.otherValue <= 0) return undefined;
  const distance = (value: number) => Math.abs(Math.log(value / neighbour.value));
  return {
    reading: distance(ambiguity.value) <= distance(ambiguity.otherValue) ? 'as read' : 'other',
    why: `the previous period had ${neighbour.describe()}`,
  };
}

/** The figure as a person would type it to leave no doubt: no grouping, the given decimal mark. */
function unambiguous(value: number, decimalMark: string): string {
  return String(value).replace('.', decimalMark);
}

function meaningOf(readAs: SeparatorAmbiguity['readAs']): string {
  return readAs === 'decimal mark' ? 'is the decimal mark' : 'separates thousands';
}

/**
 * The 'ambiguous-separator' warning for "1,500" or "1.500", or nothing when the form cannot mislead.
 * Without a sheet locale every such form is warned (it was read as thousands by default). With a
 * locale, whole counts and hours are warned when the locale read the separator as a decimal mark, or
 * when the previous period's figure makes the other reading the likelier one. The value stays as read:
 * the warning says both readings and which one the neighbour supports.
 */
export function ambiguousSeparatorFinding(
  ambiguity: SeparatorAmbiguity,
  kind: MetricKind,
  neighbour?: NeighbourFigure,
): ParseFinding | undefined {
  const likelier = likelierReading(ambiguity, kind, neighbour);
  const decided = ambiguity.locale !== undefined;
  if (decided) {
    if (!MISREADABLE_KINDS.has(kind)) return undefined;
    if (ambiguity.readAs === 'thousands separator' && likelier?.reading !== 'other') return undefined;
  }
  const { separator, typed } = ambiguity;
  const otherReadAs = ambiguity.readAs === 'decimal mark' ? 'thousands separator' : 'decimal mark';
  const decimalMark = ambiguity.readAs === 'decimal mark' ? separator : separator === ',' ? '.' : ',';
  const asThousands = ambiguity.readAs === 'thousands separator' ? ambiguity.value : ambiguity.otherValue;
  const asDecimal = ambiguity.readAs === 'decimal mark' ? ambiguity.value : ambiguity.otherValue;
  const because = decided
    ? `under the sheet locale "${ambiguity.locale}", where "${separator}" ${meaningOf(ambiguity.readAs)}`
    : `("${separator}" taken as a thousands separator because the sheet has no locale)`;
  let action = `read as ${formatNumber(ambiguity.value)} ${because}; it would be ${formatNumber(ambiguity.otherValue)} if "${separator}" ${meaningOf(otherReadAs)}`;
  if (likelier !== undefined) {
    const figure = likelier.reading === 'as read' ? ambiguity.value : ambiguity.otherValue;
    action += `; ${formatNumber(figure)} is the likelier reading, as ${likelier.why}`;
  }
  action += '; please check';
  const expected = decided
    ? `a figure that reads one way only: ${unambiguous(asThousands, decimalMark)} if "${separator}" separates thousands, or ${unambiguous(asDecimal, decimalMark)} if it is the decimal mark`
    : `a number without separators (${unambiguous(asThousands, '.')} or ${unambiguous(asDecimal, '.')}), or a sheet locale (project.locale) that decides what "${separator}" means`;
  return {
    ruleId: 'ambiguous-separator',
    found: typed,
    expected,
    action,
    ...(likelier?.reading === 'other' ? { suggestion: unambiguous(ambiguity.otherValue, decimalMark) } : {}),
  };
}
