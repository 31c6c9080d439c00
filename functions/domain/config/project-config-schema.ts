import { z } from 'zod';
import { installationSchema } from './installation-schema';
import { projectSchema } from './project-schema';
import { boundedList, LIST_BOUNDS } from './text-bounds';

/** Everything a coordinator sets up: the project, its installations and their metric definitions. */
export const projectConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    project: projectSchema,
    installations: boundedList(installationSchema, LIST_BOUNDS.installations).min(1),
  })
  .superRefine((config, ctx) => {
    const budgetIds = new Set(config.project.budgets.map((budget) => budget.id));
    const seenInstallations = new Set<string>();
    config.installations.forEach((installation, installationIndex) => {
      const at = (...rest: (string | number)[]) => ['installations', installationIndex, ...rest];
      if (seenInstallations.has(installation.id)) {
        ctx.addIssue({
          code: 'custom',
          path: at('id'),
          message: `duplicate installation id "${installation.id}"`,
        });
      }
      seenInstallations.add(installation.id);
      const metricsById = new Map(installation.metrics.map((metric) => [metric.id, metric]));
      const seenMetrics = new Set<string>();
      installation.metrics.forEach((metric, metricIndex) => {
        const metricPath = (field: string) => at('metrics', metricIndex, field);
        if (seenMetrics.has(metric.id)) {
          ctx.addIssue({
            code: 'custom',
            path: metricPath('id'),
            message: `duplicate metric id "${metric.id}"`,
          });
        }
        seenMetrics.add(metric.id);
        if (metric.countsToward !== undefined && !budgetIds.has(metric.countsToward)) {
          ctx.addIssue({
            code: 'custom',
            path: metricPath('countsToward'),
            message: `unknown budget "${metric.countsToward}"; expected one of ${[...budgetIds].join(', ')}`,
          });
        }
        if (metric.kind === 'country-list' && metric.aggregation !== 'union') {
          ctx.addIssue({
            code: 'custom',
            path: metricPath('aggregation'),
            message: `a country list aggregates as "union", found "${metric.aggregation}"`,
          });
        }
        if ((metric.kind === 'count' || metric.kind === 'country-count') && metric.aggregation === 'union') {
          ctx.addIssue({
            code: 'custom',
            path: metricPath('aggregation'),
            message: `"union" applies to country lists only; use sum, latest or max for a ${metric.kind}`,
          });
        }
        if (metric.countOf !== undefined) {
          const listMetric = metricsById.get(metric.countOf);
          if (metric.kind !== 'country-count') {
            ctx.addIssue({
              code: 'custom',
              path: metricPath('countOf'),
              message: 'countOf is for country-count metrics only',
            });
          } else if (listMetric?.kind !== 'country-list') {
            ctx.addIssue({
              code: 'custom',
              path: metricPath('countOf'),
              message: `"${metric.countOf}" is not a country-list metric of installation "${installation.id}"`,
            });
          }
        }
      });
    });
  });

export type ProjectConfig = z.infer<typeof projectConfigSchema>;
/** The config as written in a file, before defaults are applied. */
export type ProjectConfigInput = z.input<typeof projectConfigSchema>;
