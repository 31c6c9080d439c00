import type { Aggregation, BaselineSpan } from '../config/metric-definition-schema';
import type { Project } from '../config/project-schema';
import type { Comparator, MetricValue } from '../entries/metric-value';
import { countriesIn, countriesNotIn } from './country-set';

/** Where the actual figure stands against the (pro-rated) baseline figure. */
export type BaselineStanding = 'above' | 'at' | 'below';

export interface NumberAttainment {
  type: 'number';
  /** The baseline as stated for its span, e.g. 3,000,000 over the project. */
  baseline: number;
  comparator?: Comparator;
  span: BaselineSpan;
  /** pro-rata: a sum compared with its baseline scaled to the window's months; direct: as it is. */
  basis: 'pro-rata' | 'direct';
  /** Window months over span months (1 when direct): 6/36 for a period against a project baseline. */
  factor: number;
  /** The figure the window is compared with: baseline x factor. */
  target: number;
  actual: number;
  /** actual / target; null when the target is 0. */
  ratio: number | null;
  standing: BaselineStanding;
  /** Whether the baseline is reached, honouring a comparator: "> 200" needs more than 200. */
  met: boolean;
}

export interface CountryAttainment {
  type: 'countries';
  baseline: string[];
  reached: string[];
  /** Baseline countries that were reached. */
  baselineReached: string[];
  baselineNotReached: string[];
  /** Countries reached that the baseline does not list. */
  beyondBaseline: string[];
  /** baselineReached / baseline; null when the baseline lists no country. */
  share: number | null;
  met: boolean;
}

export type BaselineAttainment = NumberAttainment | CountryAttainment;

/** Months of the span a baseline is stated for. */
function spanMonths(span: BaselineSpan, project: Pick<Project, 'durationMonths' | 'periodMonths'>): number {
  if (span === 'project') return project.durationMonths;
  if (span === 'year') return 12;
  return project.periodMonths;
}

function meets(actual: number, target: number, comparator: Comparator | undefined): boolean {
  switch (comparator) {
    case '>':
      return actual > target;
    case '<':
      return actual < target;
    case '<=':
      return actual <= target;
    default:
      return actual >= target;
  }
}

export interface AttainmentInput {
  aggregation: Aggregation;
  span: BaselineSpan;
  baseline: MetricValue | null;
  actual: MetricValue | null;
  windowMonths: number;
  project: Pick<Project, 'durationMonths' | 'periodMonths'>;
}

/**
 * Compares a window's figure with the metric's baseline. Sums are compared pro rata (a 6-month
 * window against a 36-month baseline sees a sixth of it); stocks, maxima and country lists as they are.
 * Null when either side is missing or they are not comparable (a number against a country list).
 */
export function attainmentOf(input: AttainmentInput): BaselineAttainment | null {
  const { baseline, actual } = input;
  if (baseline === null || actual === null) return null;
  if (baseline.type === 'countries' && actual.type === 'countries') {
    const baselineReached = countriesIn(baseline.codes, actual.codes);
    return {
      type: 'countries',
      baseline: [...baseline.codes],
      reached: [...actual.codes],
      baselineReached,
      baselineNotReached: countriesNotIn(baseline.codes, actual.codes),
      beyondBaseline: countriesNotIn(actual.codes, baseline.codes),
      share: baseline.codes.length === 0 ? null : baselineReached.length / baseline.codes.length,
      met: baselineReached.length === baseline.codes.length,
    };
  }
  if (baseline.type !== 'number' || actual.type !== 'number') return null;
  const proRata = input.aggregation === 'sum';
  const factor = proRata ? input.windowMonths / spanMonths(input.span, input.project) : 1;
  const target = baseline.value * factor;
  const ratio = target === 0 ? null : actual.value / target;
  const attainment: NumberAttainment = {
    type: 'number',
    baseline: baseline.value,
    span: input.span,
    basis: proRata ? 'pro-rata' : 'direct',
    factor,
    target,
    actual: actual.value,
    ratio,
    standing: actual.value > target ? 'above' : actual.value < target ? 'below' : 'at',
    met: meets(actual.value, target, baseline.comparator),
  };
  if (baseline.comparator !== undefined) attainment.comparator = baseline.comparator;
  return attainment;
}
