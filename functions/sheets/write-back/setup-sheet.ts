import { currentPeriod } from '../../domain/calendar/current-period';
import { listPeriods } from '../../domain/calendar/reporting-period';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import type { RawInput } from '../../domain/entries/metric-value';
import { valueKey } from '../layout/metrics-tab';
import { planSetup } from '../layout/setup-plan';
import { readBoundSheet, type WriteBackDeps, type WriteBackResult, writeOnce } from './write-back-deps';

/** A stored raw input as the sheet shows it: what was typed, as text. */
export function rawText(raw: RawInput): string {
  if (raw === null) return '';
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return String(raw);
}

/**
 * Builds or updates the spreadsheet's layout for the project's config, with one read and at most one
 * batchUpdate; nothing to change (a second call) sends no batchUpdate at all.
 */
export async function setupSheet(deps: WriteBackDeps, config: ProjectConfig): Promise<WriteBackResult> {
  const sheet = await readBoundSheet(deps, config);
  const current = currentPeriod(config.project, deps.now());
  const periods = listPeriods(config.project).slice(0, current.index);
  const stored = await deps.entries.listCurrent(
    config.project.id,
    periods.map((period) => period.id),
  );
  const storedRaw = new Map(
    stored.map((entry) => [
      valueKey(entry.installationId, entry.metricId, entry.periodId),
      rawText(entry.raw),
    ]),
  );
  const requests = planSetup(sheet.snapshot, {
    config,
    periods,
    storedRaw,
    serviceAccountEmail: sheet.serviceAccountEmail,
  });
  return writeOnce(sheet, requests);
}
