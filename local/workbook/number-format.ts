import type { sheets_v4 } from '@googleapis/sheets';

/**
 * The patterns the va-assess layout writes ("0", "#,##0", "#,##0.0", "0%", "0.0%"): grouping, a fixed
 * number of decimals, an optional percent sign. Any other pattern is shown plainly rather than guessed,
 * so a reader can tell the local stack did not format it.
 */
const SUPPORTED = /^(#,##)?0(?:\.(0+))?(%)?$/;

export function formatWithPattern(
  value: number,
  numberFormat: sheets_v4.Schema$NumberFormat | undefined,
): string | undefined {
  const pattern = numberFormat?.pattern;
  if (pattern === undefined || pattern === null) return undefined;
  const match = SUPPORTED.exec(pattern);
  if (match === null) return undefined;
  const decimals = match[2]?.length ?? 0;
  const percent = match[3] === '%';
  const text = new Intl.NumberFormat('en-US', {
    useGrouping: match[1] !== undefined,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(percent ? value * 100 : value);
  return percent ? `${text}%` : text;
}
