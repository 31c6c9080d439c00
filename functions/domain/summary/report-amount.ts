import { formatNumber } from '../parsing/format-metric-value';

/** Summaries print figures the report's way (662,547; 33.4), whatever locale partners type in. */
const REPORT_LOCALE = 'en-GB';

/** A total or a projection to one decimal at most: 1,987,641; 33.4. */
export const reportAmount = (value: number): string =>
  formatNumber(Math.round(value * 10) / 10, REPORT_LOCALE);
