import type { DateTime } from 'luxon';
import type { ReportingPeriod } from '../calendar/reporting-period';
import type { ReportingWindow } from '../calendar/reporting-window';
import type { Installation } from '../config/installation-schema';
import type { ProjectConfig } from '../config/project-config-schema';
import { entryKeyString } from '../entries/entry-key';
import { windowRef } from '../summary/window-ref';
import type { CellRecord } from './cell-record';
import { type ConfirmationLookup, NOBODY_CONFIRMED } from './confirmation-state';
import type { CellCounts, EditorDebt, InstallationStatus, OwedCell, PeriodStatus } from './period-status';

function emptyCell(installationId: string, metricId: string, period: ReportingPeriod): CellRecord {
  return {
    installationId,
    metricId,
    periodId: period.id,
    state: 'empty',
    reasons: [],
    editor: null,
    editedAt: null,
  };
}

function percentOf(counted: number, expected: number): number {
  return expected === 0 ? 100 : (counted / expected) * 100;
}

function countsOf(states: readonly CellRecord['state'][]): CellCounts {
  const count = (state: CellRecord['state']) => states.filter((candidate) => candidate === state).length;
  const accepted = count('accepted');
  const warnings = count('warning');
  const rejected = count('rejected');
  const expected = states.length;
  return {
    expected,
    filled: accepted + warnings + rejected,
    accepted,
    warnings,
    rejected,
    empty: count('empty'),
    percentComplete: percentOf(accepted + warnings, expected),
  };
}

function latestEdit(records: readonly CellRecord[]): InstallationStatus['lastEdit'] {
  let latest: InstallationStatus['lastEdit'] = null;
  for (const record of records) {
    // ISO instants in UTC compare as text.
    if (record.editedAt !== null && (latest === null || record.editedAt > latest.at))
      latest = { editor: record.editor, at: record.editedAt };
  }
  return latest;
}

function installationStatus(
  installation: Installation,
  periods: readonly ReportingPeriod[],
  recordOf: (metricId: string, period: ReportingPeriod) => CellRecord,
  now: DateTime,
  confirmation: ConfirmationLookup,
): InstallationStatus {
  const records: CellRecord[] = [];
  const owed: OwedCell[] = [];
  for (const metric of installation.metrics) {
    for (const period of periods) {
      const record = recordOf(metric.id, period);
      records.push(record);
      if (record.state !== 'empty' && record.state !== 'rejected') continue;
      owed.push({
        installationId: installation.id,
        metricId: metric.id,
        periodId: period.id,
        installationName: installation.name,
        metricLabel: metric.label,
        periodLabel: period.label,
        editors: [...installation.editors],
        due: period.end <= now,
        state: record.state,
        reason: record.state === 'rejected' ? record.reasons.join(' ') : null,
      });
    }
  }
  return {
    installationId: installation.id,
    name: installation.name,
    task: installation.task,
    editors: [...installation.editors],
    ...countsOf(records.map((record) => record.state)),
    owed,
    lastEdit: latestEdit(records),
    confirmation: confirmation(installation.id),
  };
}

function totalsOf(installations: readonly CellCounts[]): CellCounts {
  const sum = (field: keyof CellCounts) =>
    installations.reduce((total, installation) => total + installation[field], 0);
  const expected = sum('expected');
  const accepted = sum('accepted');
  const warnings = sum('warnings');
  return {
    expected,
    filled: sum('filled'),
    accepted,
    warnings,
    rejected: sum('rejected'),
    empty: sum('empty'),
    percentComplete: percentOf(accepted + warnings, expected),
  };
}

function worstFirst(installations: InstallationStatus[]): InstallationStatus[] {
  return installations
    .map((installation, order) => ({ installation, order }))
    .sort(
      (a, b) =>
        a.installation.percentComplete - b.installation.percentComplete ||
        b.installation.owed.length - a.installation.owed.length ||
        a.order - b.order,
    )
    .map(({ installation }) => installation);
}

function debtsOf(installations: readonly InstallationStatus[]): EditorDebt[] {
  const debts = new Map<string, EditorDebt>();
  for (const installation of installations) {
    if (installation.owed.length === 0) continue;
    for (const editor of installation.editors) {
      const debt = debts.get(editor) ?? { editor, installationIds: [], owed: 0 };
      debt.installationIds.push(installation.installationId);
      debt.owed += installation.owed.length;
      debts.set(editor, debt);
    }
  }
  return [...debts.values()].sort((a, b) => b.owed - a.owed || a.editor.localeCompare(b.editor));
}

/**
 * Who still owes what for a window: per installation the expected cells (its metrics for each of
 * the window's periods) by what they show, the cells owed (empty or rejected) and by whom, the last
 * edit and whether the figures are confirmed; overall, the share of the project complete. Cells of
 * installations or metrics no longer configured play no part (the summary reports those).
 */
export function buildPeriodStatus(
  config: ProjectConfig,
  window: ReportingWindow,
  cells: readonly CellRecord[],
  now: DateTime,
  confirmation: ConfirmationLookup = NOBODY_CONFIRMED,
): PeriodStatus {
  const byKey = new Map(cells.map((cell) => [entryKeyString(cell), cell]));
  const installations = config.installations.map((installation) =>
    installationStatus(
      installation,
      window.periods,
      (metricId, period) =>
        byKey.get(entryKeyString({ installationId: installation.id, metricId, periodId: period.id })) ??
        emptyCell(installation.id, metricId, period),
      now,
      confirmation,
    ),
  );
  const totals = totalsOf(installations);
  return {
    projectId: config.project.id,
    window: windowRef(window),
    asOf: now.toISO() ?? '',
    ...totals,
    installations: worstFirst(installations),
    byEditor: debtsOf(installations),
  };
}
