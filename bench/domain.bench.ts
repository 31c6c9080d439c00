import { DateTime } from 'luxon';
import { z } from 'zod';
import { parseWindow } from '../functions/domain/calendar/reporting-window';
import type { ProjectConfig } from '../functions/domain/config/project-config-schema';
import { acceptedValues } from '../functions/domain/entries/accepted-values';
import type { RawEntry } from '../functions/domain/entries/entry';
import { summarize } from '../functions/domain/summary/summarize';
import { validateEntries } from '../functions/domain/validation/validate-entries';
import { type Measurement, measure, measureTogether, type Workload } from './measure';
import { manyInstallationsProject, syntheticProject } from './synthetic-project';

const COPIES = z.coerce.number().int().min(1).max(1000).default(100).parse(process.env.BENCH_COPIES);
/** Entries/s may differ this much between the two sizes of one project before growth counts as superlinear. */
const LINEAR_GROWTH_TOLERANCE = 1.5;
const now = DateTime.fromISO('2026-01-01T00:00:00Z');
const format = (value: number) => Math.round(value).toLocaleString('en-GB');

interface Sized {
  label: string;
  validation: Measurement;
  summary: Measurement;
}

interface SizedProject {
  label: string;
  config: ProjectConfig;
  entries: RawEntry[];
}

/** Validation and summary of each project, the sizes taking turns so the ratio survives a busy machine. */
function measureSizes(projects: readonly SizedProject[], windowSpec: string): Sized[] {
  const workloads = projects.flatMap((project): Workload[] => {
    const { config, entries } = project;
    const window = parseWindow(config.project, windowSpec);
    const values = acceptedValues(entries, validateEntries(entries, { config, now }));
    return [
      {
        name: 'validateEntries',
        items: entries.length,
        run: () => validateEntries(entries, { config, now }),
      },
      {
        name: `summarize ${windowSpec}`,
        items: values.length,
        run: () => summarize(config, values, window, now),
      },
    ];
  });
  const measured = measureTogether(workloads, 11, 3);
  return projects.map((project, index) => {
    const validation = measured[2 * index];
    const summary = measured[2 * index + 1];
    if (validation === undefined || summary === undefined)
      throw new Error(`no measurement for ${project.label}`);
    return { label: project.label, validation, summary };
  });
}

// The D4.2 example repeated: its own mix of metrics and the two periods it has values for.
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

// Growth: one project shape (8 metrics, 6 periods, summarised over all of them) at two sizes, so
// that the ratio of entries/s measures how cost grows with size and not how two shapes differ.
const sizes = measureSizes(
  [188, 1000].map((installations) => ({
    label: `${installations} installations x 8 metrics x 6 periods`,
    ...manyInstallationsProject(installations),
  })),
  'CUM-P6',
);
console.log('');
console.log('Many installations: the same project at two sizes (linear cost keeps entries/s level).');
console.log(
  `${'project'.padEnd(42)} ${'values'.padStart(7)} ${'validate ms'.padStart(12)} ${'entries/s'.padStart(10)} ${'summary ms'.padStart(11)} ${'entries/s'.padStart(10)}`,
);
for (const size of sizes) {
  console.log(
    `${size.label.padEnd(42)} ${format(size.validation.items).padStart(7)} ${size.validation.medianMs.toFixed(1).padStart(12)} ${format(size.validation.itemsPerSecond).padStart(10)} ${size.summary.medianMs.toFixed(1).padStart(11)} ${format(size.summary.itemsPerSecond).padStart(10)}`,
  );
}
const [smaller, larger] = sizes;
const [d42Validation, d42Summary] = results;
if (
  smaller !== undefined &&
  larger !== undefined &&
  d42Validation !== undefined &&
  d42Summary !== undefined
) {
  // Superlinear cost shows as fewer entries/s at the larger size: a ratio above the tolerance.
  const growth = (atSmaller: Measurement, atLarger: Measurement) => {
    const ratio = atSmaller.itemsPerSecond / atLarger.itemsPerSecond;
    return `${ratio.toFixed(2)}${ratio <= LINEAR_GROWTH_TOLERANCE ? '' : ' SUPERLINEAR'}`;
  };
  console.log(
    `linear-growth ratio (entries/s at ${format(smaller.validation.items)} / at ${format(larger.validation.items)}, ` +
      `at most ${LINEAR_GROWTH_TOLERANCE} wanted): validation ${growth(smaller.validation, larger.validation)}, ` +
      `summary ${growth(smaller.summary, larger.summary)}`,
  );
  console.log(
    `  against the ${format(d42Validation.items)}-entry D4.2 line above (another mix of metrics and periods): ` +
      `validation ${growth(d42Validation, larger.validation)}, summary ${growth(d42Summary, larger.summary)}`,
  );
}
