import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ProjectConfig, projectConfigSchema } from '../functions/domain/config/project-config-schema';
import type { RawEntry } from '../functions/domain/entries/entry';
import { parseMetricsTable } from '../functions/domain/import/metrics-table';

const EXAMPLE = join(__dirname, '..', 'examples', 'imagine-py1');

/** The D4.2 example repeated `copies` times: same metrics and values, installation ids suffixed. */
export function syntheticProject(copies: number): { config: ProjectConfig; entries: RawEntry[] } {
  const seed = projectConfigSchema.parse(JSON.parse(readFileSync(join(EXAMPLE, 'config.json'), 'utf8')));
  const seedEntries = parseMetricsTable(
    readFileSync(join(EXAMPLE, 'metrics.csv'), 'utf8'),
    seed,
    'metrics.csv',
  );
  const suffix = (id: string, copy: number) => (copy === 0 ? id : `${id}-${copy}`);
  const config: ProjectConfig = {
    ...seed,
    installations: Array.from({ length: copies }, (_, copy) =>
      seed.installations.map((installation) => ({ ...installation, id: suffix(installation.id, copy) })),
    ).flat(),
  };
  const entries = Array.from({ length: copies }, (_, copy) =>
    seedEntries.map((entry) => ({ ...entry, installationId: suffix(entry.installationId, copy) })),
  ).flat();
  return { config, entries };
}
