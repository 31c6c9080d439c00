/** A comparator a baseline may carry: "> 200" means more than 200. */
export type Comparator = '>' | '>=' | '<' | '<=';

/** A value once parsed: a number (hours, TB-month, counts) or a set of ISO 3166-1 alpha-2 codes. */
export type MetricValue =
  | { type: 'number'; value: number; comparator?: Comparator }
  | { type: 'countries'; codes: string[] };

/** What a person typed, or what Sheets sent: numbers arrive as numbers, everything else as text. */
export type RawInput = string | number | boolean | null;
