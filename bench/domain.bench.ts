import { DateTime } from 'luxon';
import { z } from 'zod';
import { parseWindow } from '../functions/domain/calendar/reporting-window';
import { acceptedValues } from '../functions/domain/entries/accepted-values';
import { summarize } from '../functions/domain/summary/summarize';
import { validateEntries } from '../functions/domain/validation/validate-entries';
import { type Measurement, measure } from './measure';
import { syntheticProject } from './synthetic-project';

const COPIES = z.coerce.number().int().min(1).max(1000).default(100).parse(process.env.BENCH_COPIES);
const now = DateTime.fromISO('2026-01-01T00:00:00Z');
const { config, entries } = syntheticProject(COPIES);
const window = parseWindow(config.project, 'PY1');
const outcomes = validateEntries(entries, { config, now });
const values = acceptedValues(entries, outcomes);
const numbers = values.flatMap((entry) => (entry.value.type === 'number' ? [entry.value.value] : []));

// The baseline: the least any implementation must do, a plain loop adding the same values.
const baseline = measure('plain loop summing the values', values.length, () => {
  let total = 0;
  for (const value of numbers) total += value;
  return total;
});
const results: Measurement[] = [
  measure('validateEntries', entries.length, () => validateEntries(entries, { config, now })),
  measure('summarize PY1', values.length, () => summarize(config, values, window, now)),
];

const format = (value: number) => Math.round(value).toLocaleString('en-GB');
console.log(
  `Synthetic project: ${COPIES}x the D4.2 example = ${config.installations.length} installations, ` +
    `${entries.length} entries (${values.length} accepted).`,
);
console.log(
  `${'benchmark'.padEnd(32)} ${'entries/s'.padStart(14)} ${'median ms'.padStart(10)} ${'x slower than baseline'.padStart(24)}`,
);
for (const result of [baseline, ...results]) {
  const ratio = baseline.itemsPerSecond / result.itemsPerSecond;
  console.log(
    `${result.name.padEnd(32)} ${format(result.itemsPerSecond).padStart(14)} ${result.medianMs.toFixed(2).padStart(10)} ${ratio.toFixed(1).padStart(24)}`,
  );
}
