import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CellSubmission, MAX_CELLS_PER_REQUEST } from '../contract/contract';
import { type ProjectConfig, projectConfigSchema } from '../domain/config/project-config-schema';
import { parseMetricsTable } from '../domain/import/metrics-table';

/** A project folder such as examples/imagine-py1: config.json and the Metrics tab as metrics.csv. */
export interface ExampleProject {
  config: ProjectConfig;
  /** The body of PUT /v1/projects/{id}/config: the file as written, defaults applied by the server. */
  configBody: unknown;
  /** POST /v1/projects/{id}/entries bodies, each within the per-request cell limit. */
  entryBatches: { requestId: string; cells: CellSubmission[] }[];
}

/**
 * Reads an example folder into the requests a coordinator would send, so seeding a store goes through
 * the API itself: the same validation, authorisation and storage as a partner's edits.
 */
export function readExampleProject(folder: string): ExampleProject {
  const configBody: unknown = JSON.parse(readFileSync(join(folder, 'config.json'), 'utf8'));
  const config = projectConfigSchema.parse(configBody);
  const entries = parseMetricsTable(readFileSync(join(folder, 'metrics.csv'), 'utf8'), config, 'metrics.csv');
  const cells: CellSubmission[] = entries.map((entry) => ({
    installationId: entry.installationId,
    metricId: entry.metricId,
    periodId: entry.periodId,
    raw: entry.raw,
    ...(entry.cell === undefined ? {} : { cell: entry.cell }),
  }));
  const entryBatches: ExampleProject['entryBatches'] = [];
  for (let start = 0; start < cells.length; start += MAX_CELLS_PER_REQUEST) {
    entryBatches.push({
      // Stable ids: seeding twice stores each cell once.
      requestId: `example-seed-${config.project.id}-${start / MAX_CELLS_PER_REQUEST}`,
      cells: cells.slice(start, start + MAX_CELLS_PER_REQUEST),
    });
  }
  return { config, configBody, entryBatches };
}
