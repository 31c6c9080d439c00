/** Decimal places a number carries as written (3.4 → 1, 94656 → 0), capped where doubles stop being exact. */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const [mantissa = '', exponent] = String(value).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  const shift = exponent === undefined ? 0 : Number(exponent);
  return Math.min(12, Math.max(0, fraction - shift));
}

/**
 * Adds figures as a person would on paper: 30 + 3.4 is 33.4, not 33.400000000000006. The sum is
 * rounded to the most decimals any addend carries, which removes binary floating-point noise.
 */
export function addExactly(values: readonly number[]): number {
  const decimals = values.reduce((most, value) => Math.max(most, decimalsOf(value)), 0);
  const sum = values.reduce((total, value) => total + value, 0);
  return decimals === 0 ? sum : Number(sum.toFixed(decimals));
}

/** a − b with the same care, for what is left of a budget. */
export function subtractExactly(a: number, b: number): number {
  return addExactly([a, -b]);
}
