import { z } from 'zod';
import { installationSchema } from './installation-schema';
import { type Loose, looseRecord, looseRecords, looseString } from './loose-reading';
import { metricProblems } from './metric-checks';
import { projectSchema } from './project-schema';
import { boundedList, LIST_BOUNDS } from './text-bounds';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** Budget id → unit, from the budgets as written. */
function budgetUnitsOf(config: Loose): Map<string, string | undefined> {
  const budgets = looseRecords(looseRecord(config.project)?.budgets);
  return new Map(
    budgets.flatMap((budget) => {
      const id = looseString(budget?.id);
      return id === undefined ? [] : [[id, looseString(budget?.unit)] as const];
    }),
  );
}

function checkMetrics(
  installation: Loose,
  at: Path,
  budgetUnits: Map<string, string | undefined>,
  report: Report,
) {
  const metrics = looseRecords(installation.metrics);
  const metricsById = new Map<string, Loose>();
  metrics.forEach((metric, metricIndex) => {
    const id = looseString(metric?.id);
    if (metric === undefined) return;
    if (id !== undefined && metricsById.has(id)) {
      report(
        [...at, 'metrics', metricIndex, 'id'],
        `duplicate metric id "${id}"; expected each metric of an installation to have its own id`,
      );
    }
    if (id !== undefined && !metricsById.has(id)) metricsById.set(id, metric);
  });
  const ctx = { budgetUnits, metricsById, installationId: looseString(installation.id) };
  metrics.forEach((metric, metricIndex) => {
    if (metric === undefined) return;
    for (const problem of metricProblems(metric, ctx)) {
      report([...at, 'metrics', metricIndex, problem.field], problem.message);
    }
  });
}

/**
 * Checks across fields (ids unique, budgets and countOf resolved, units and aggregations that fit).
 * They read the configuration as written so they run even when other fields are wrong.
 */
function checkCrossReferences(value: unknown, report: Report) {
  const config = looseRecord(value);
  if (config === undefined) return;
  const budgetUnits = budgetUnitsOf(config);
  const seenInstallations = new Set<string>();
  looseRecords(config.installations).forEach((installation, installationIndex) => {
    if (installation === undefined) return;
    const at: Path = ['installations', installationIndex];
    const id = looseString(installation.id);
    if (id !== undefined && seenInstallations.has(id)) {
      report(
        [...at, 'id'],
        `duplicate installation id "${id}"; expected each installation to have its own id`,
      );
    }
    if (id !== undefined) seenInstallations.add(id);
    checkMetrics(installation, at, budgetUnits, report);
  });
}

/** Everything a coordinator sets up: the project, its installations and their metric definitions. */
export const projectConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    project: projectSchema,
    installations: boundedList(installationSchema, LIST_BOUNDS.installations).min(1),
  })
  .superRefine(
    (config, ctx) =>
      checkCrossReferences(config, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
    // All problems at once: a misspelt budget shows in the same round as a missing name.
    { when: () => true },
  );

export type ProjectConfig = z.infer<typeof projectConfigSchema>;
/** The config as written in a file, before defaults are applied. */
export type ProjectConfigInput = z.input<typeof projectConfigSchema>;
