import type { PeriodId } from '../calendar/reporting-period';

/** Consumption against elapsed time: ahead when the used share exceeds the elapsed share by over 10%. */
export type BudgetPace = 'ahead' | 'on-track' | 'behind';

/** Tolerance on used share / elapsed share before a budget is called ahead or behind. */
export const PACE_TOLERANCE = 0.1;

/** One installation metric's share of a budget. */
export interface BudgetContribution {
  budgetId: string;
  installationId: string;
  metricId: string;
  inWindow: number;
  cumulative: number;
  /** Periods through the window's end with no value: the totals leave them out. */
  missingPeriods: PeriodId[];
}

export interface BudgetUsage {
  /** The budget's id, or the group's. */
  id: string;
  scope: 'budget' | 'group';
  label: string;
  /** The budget's unit; for a group of differing units, the units joined ("CPU-hours + GPU-hours"). */
  unit: string;
  budgetIds: string[];
  /** Budgeted for the whole project. */
  amount: number;
  usedInWindow: number;
  /** From the project's start through the window's end. */
  usedCumulative: number;
  /** amount − usedCumulative: what remains after the window's end. */
  available: number;
  usedPercent: number;
  availablePercent: number;
  /** Project months elapsed at the window's end (its last month). */
  monthsElapsed: number;
  monthsRemaining: number;
  /** monthsElapsed / durationMonths, 0..1. */
  elapsedShare: number;
  /** usedCumulative / amount, 0..1. */
  usedShare: number;
  /** usedShare / elapsedShare: 1 is exactly pro rata. */
  paceRatio: number;
  pace: BudgetPace;
  /** Straight line: usedCumulative / monthsElapsed x durationMonths. */
  projectedAtEnd: number;
  projectedPercent: number;
  contributions: BudgetContribution[];
  /** False when no metric counts toward the budget: its usage cannot be measured. */
  hasMetrics: boolean;
  /** False when a contributing value is missing: the used figures are then lower bounds. */
  complete: boolean;
}

export function paceOf(usedShare: number, elapsedShare: number): BudgetPace {
  const ratio = elapsedShare === 0 ? 0 : usedShare / elapsedShare;
  if (ratio > 1 + PACE_TOLERANCE) return 'ahead';
  if (ratio < 1 - PACE_TOLERANCE) return 'behind';
  return 'on-track';
}
