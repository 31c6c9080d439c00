/**
 * More than any installation reports, whatever it measures: the largest machines have about ten
 * million cores (10^11 core-hours a year), there are fewer than 10^10 people to count and 10^12
 * TB-month is a zettabyte kept for a month. A figure above it is a slip (an exponent, a pasted id),
 * and bounding every figure (budgets included) keeps every sum and percentage built from them finite.
 */
export const MAX_PLAUSIBLE_FIGURE = 1e12;

/**
 * Figures print with at most six decimals: anything smaller than this but not zero would print
 * as "0" while acting as a divisor in trends and percentages, so it is refused rather than shown wrongly.
 */
export const MIN_NONZERO_FIGURE = 1e-6;
