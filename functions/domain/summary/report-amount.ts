import { formatNumber } from '../parsing/format-metric-value';
import type { NumberAttainment } from './baseline-attainment';
import type { BudgetUsage } from './budget-usage';
import { decimalsOf } from './exact-sum';

/** Summaries print figures the report's way (662,547; 33.4), whatever locale partners type in. */
const REPORT_LOCALE = 'en-GB';

/**
 * The one rule for the precision of reported figures: a figure shows no more decimals than the
 * figures it is computed from, and one at most. A projection from 662,547 CPU-hours is 993,821 (not
 * 993,820.5), from 33.4 TB-month 50.1; a baseline of 4,000,000 pro rata is 1,333,333, of 29,433.6 it
 * is 9,811.2. Without `from`, the figure is its own source (a total: 662,547; 33.4).
 */
export function toReportedPrecision(value: number, from: readonly number[] = [value]): number {
  const decimals = Math.max(0, ...from.map((source) => Math.min(1, decimalsOf(source))));
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  // A third of a baseline of 1 would read "0": one decimal keeps a small non-zero figure visible.
  return rounded === 0 && value !== 0 ? Math.round(value * 10) / 10 : rounded;
}

/** Where the budget is heading at the pace so far, as precise as the use it extrapolates. */
export const reportedProjection = (budget: Pick<BudgetUsage, 'projectedAtEnd' | 'usedCumulative'>): number =>
  toReportedPrecision(budget.projectedAtEnd, [budget.usedCumulative]);

/** A baseline scaled to the window's months, as precise as the baseline it scales. */
export const reportedTarget = (attainment: Pick<NumberAttainment, 'target' | 'baseline'>): number =>
  toReportedPrecision(attainment.target, [attainment.baseline]);

/** A total or a projection as text: 1,987,641; 33.4. */
export const reportAmount = (value: number): string =>
  formatNumber(toReportedPrecision(value), REPORT_LOCALE);
