import type { BaselineSpan } from '../config/metric-definition-schema';
import type { Comparator } from '../entries/metric-value';
import type { NumberAttainment } from '../summary/baseline-attainment';

const COMPARATOR_WORDS: Record<Comparator, string> = {
  '>': 'more than ',
  '>=': 'at least ',
  '<': 'less than ',
  '<=': 'at most ',
};

export function comparatorWords(comparator: Comparator | undefined): string {
  return comparator === undefined ? '' : COMPARATOR_WORDS[comparator];
}

export function spanWords(span: BaselineSpan): string {
  if (span === 'project') return 'over the project';
  if (span === 'year') return 'per project year';
  return 'per period';
}

/** Where the figure stands, honouring the comparator: 200 against "> 200" is not above it. */
export function standingWords(attainment: NumberAttainment): string {
  if (attainment.met) {
    if (attainment.standing === 'above') return 'above the baseline';
    if (attainment.standing === 'at') return 'at the baseline';
    return 'within the baseline';
  }
  if (attainment.standing === 'at') return 'short of the baseline';
  if (attainment.standing === 'above') return 'above the baseline limit';
  return 'below the baseline';
}

/** A usage metric beyond its (pro-rata) baseline is "above"; one short of it "below"; exactly on it, neither. */
export function baselineSituation(attainment: NumberAttainment): 'above-baseline' | 'below-baseline' | null {
  if (!attainment.met) return 'below-baseline';
  return attainment.standing === 'above' ? 'above-baseline' : null;
}
