import { type ProjectConfig, projectConfigSchema } from '../project-config-schema';

/**
 * What "Create project..." puts in the configuration tabs: a valid configuration whose rows show each
 * column in use (a budget, an installation, a metric counting toward the budget and one that does
 * not), for the coordinator to overwrite. The creator is its only coordinator; the project starts on
 * the first day of the month given (yyyy-mm-01).
 */
export function starterConfig(projectId: string, coordinator: string, firstOfMonth: string): ProjectConfig {
  return projectConfigSchema.parse({
    project: {
      id: projectId,
      title: `${projectId} (replace with the project's title)`,
      startDate: firstOfMonth,
      durationMonths: 36,
      periodMonths: 6,
      timeZone: 'Europe/Brussels',
      coordinators: [coordinator],
      budgets: [{ id: 'cpu-hours', label: 'CPU-hours', unit: 'CPU-hours', amount: 1_000_000 }],
    },
    installations: [
      {
        id: 'example-cloud',
        name: 'Example Cloud – CPU (replace with your installation)',
        task: 'T1.1',
        role: 'infrastructure',
        resourceKind: 'cpu',
        providers: ['Example partner'],
        editors: [],
        metrics: [
          {
            id: 'cpu-hours',
            label: 'CPU-hours served over the period',
            kind: 'hours',
            unit: 'CPU-hours',
            aggregation: 'sum',
            countsToward: 'cpu-hours',
          },
          { id: 'users', label: 'Users served', kind: 'count', unit: 'users', aggregation: 'max' },
        ],
      },
    ],
  });
}
