import { formatNumber } from '../parsing/format-metric-value';

/** Summaries print figures the report's way (662,547; 33.4), whatever locale partners type in. */
const REPORT_LOCALE = 'en-GB';

/** Totals and projections are shown to one decimal at most (1,987,641; 33.4; 100.2), everywhere. */
export const toReportedPrecision = (value: number): number => Math.round(value * 10) / 10;

/** A total or a projection as text: 1,987,641; 33.4. */
export const reportAmount = (value: number): string =>
  formatNumber(toReportedPrecision(value), REPORT_LOCALE);
