import type { BudgetUsage } from './budget-usage';
import type { Completeness } from './completeness';
import type { CountriesReached } from './countries-reached';
import type { InstallationSummary } from './installation-summary';
import type { UsersSummary } from './users-summary';
import type { WindowRef } from './window-ref';

/** Everything a coordinator reads about one window (period, project year or cumulative). Plain JSON. */
export interface WindowSummary {
  projectId: string;
  window: WindowRef;
  /** The "now" the summary was computed at (ISO instant): decides what is overdue. */
  asOf: string;
  durationMonths: number;
  /** Project months elapsed at the window's end, and left after it. */
  monthsElapsed: number;
  monthsRemaining: number;
  elapsedShare: number;
  budgets: BudgetUsage[];
  budgetGroups: BudgetUsage[];
  /** In config order. */
  installations: InstallationSummary[];
  countries: CountriesReached;
  users: UsersSummary;
  completeness: Completeness;
}
