import { DateTime } from 'luxon';
import { UsageError } from './cli-errors';
import type { OptionSpecs, OptionValues } from './command';

export const PROJECT_OPTIONS: OptionSpecs = {
  example: { type: 'string' },
  config: { type: 'string' },
  values: { type: 'string' },
  json: { type: 'boolean' },
  now: { type: 'string' },
};

/** The commands that work on one window (summary, drafts) take the project options plus --period. */
export const WINDOW_OPTIONS: OptionSpecs = { ...PROJECT_OPTIONS, period: { type: 'string' } };

export const PERIOD_OPTION_HELP =
  '  --period WINDOW        P2 (a period), PY1 (a project year) or CUM-P3 (start to end of P3)';

export const PROJECT_OPTIONS_HELP = `Project (one of):
  --example NAME         a bundled example, e.g. imagine-py1
  --config FILE          project configuration (JSON, see schemas/project-config.schema.json)
  --values FILE          metric values (CSV: installation,metric,P1,P2,...)
Output:
  --json                 machine-readable JSON on stdout
  --now ISO-DATE         evaluate as of this date (default: now), e.g. 2023-09-01
  -h, --help             this help`;

export function stringOption(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredStringOption(options: OptionValues, name: string, hint: string): string {
  const value = stringOption(options, name);
  if (value === undefined || value.trim() === '') throw new UsageError(`Missing --${name}: ${hint}.`);
  return value;
}

export function nowOption(options: OptionValues, fallback: DateTime): DateTime {
  const text = stringOption(options, 'now');
  if (text === undefined) return fallback;
  const parsed = DateTime.fromISO(text, { zone: 'utc' });
  if (!parsed.isValid) throw new UsageError(`--now "${text}" is not an ISO date: expected e.g. 2023-09-01.`);
  return parsed;
}

export function projectSourceOptions(options: OptionValues): {
  example?: string;
  config?: string;
  values?: string;
} {
  const source: { example?: string; config?: string; values?: string } = {};
  const example = stringOption(options, 'example');
  const config = stringOption(options, 'config');
  const values = stringOption(options, 'values');
  if (example !== undefined) source.example = example;
  if (config !== undefined) source.config = config;
  if (values !== undefined) source.values = values;
  return source;
}
