import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { projectConfigSchema } from '../domain/config/project-config-schema';
import type { RawEntry } from '../domain/entries/entry';
import { InvalidConfigError } from '../domain/errors';
import { parseMetricsTable } from '../domain/import/metrics-table';
import { InputFileError, UsageError } from './cli-errors';
import { formatZodIssues } from './format-zod-issues';
import { packageRoot } from './package-root';

export interface ProjectFiles {
  configPath: string;
  valuesPath: string;
}

export interface LoadedProject {
  config: ProjectConfig;
  entries: RawEntry[];
  files: ProjectFiles;
}

/** A config of a few thousand installations stays far below this; anything bigger is a wrong file. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function examplesFolder(): string {
  return join(packageRoot(), 'examples');
}

export function listExamples(): string[] {
  return readdirSync(examplesFolder(), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** --example NAME, or --config FILE with --values FILE. */
export function resolveProjectFiles(options: {
  example?: string;
  config?: string;
  values?: string;
}): ProjectFiles {
  if (options.example !== undefined) {
    if (options.config !== undefined || options.values !== undefined) {
      throw new UsageError('Use either --example NAME or --config FILE --values FILE, not both.');
    }
    const folder = join(examplesFolder(), options.example);
    if (!/^[a-z0-9-]+$/.test(options.example) || !existsSync(folder)) {
      throw new UsageError(
        `Unknown example "${options.example}": expected one of ${listExamples().join(', ')}.`,
      );
    }
    return { configPath: join(folder, 'config.json'), valuesPath: join(folder, 'metrics.csv') };
  }
  if (options.config === undefined || options.values === undefined) {
    throw new UsageError(
      `Say which project to read: --example NAME (one of ${listExamples().join(', ')}) or --config FILE --values FILE.`,
    );
  }
  return { configPath: resolve(options.config), valuesPath: resolve(options.values) };
}

function readText(path: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InputFileError(path, 'file not found');
  }
  if (size > MAX_FILE_BYTES) {
    throw new InputFileError(path, `file is ${size} bytes; expected at most ${MAX_FILE_BYTES}`);
  }
  return readFileSync(path, 'utf8');
}

export function loadConfig(path: string): ProjectConfig {
  let json: unknown;
  try {
    json = JSON.parse(readText(path));
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(path, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = projectConfigSchema.safeParse(json);
  if (!parsed.success) throw new InvalidConfigError(formatZodIssues(parsed.error.issues, json));
  return parsed.data;
}

export function loadProject(files: ProjectFiles): LoadedProject {
  const config = loadConfig(files.configPath);
  const sourceName = files.valuesPath.split(/[\\/]/).pop() ?? 'metrics.csv';
  const entries = parseMetricsTable(readText(files.valuesPath), config, sourceName);
  return { config, entries, files };
}
