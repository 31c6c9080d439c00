import type { DateTime } from 'luxon';
import type { ConfirmationPreview } from '../contract/confirmation-contract';
import type { PeriodId } from '../domain/calendar/reporting-period';
import { cumulativeThrough, parseWindow } from '../domain/calendar/reporting-window';
import type { Installation } from '../domain/config/installation-schema';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { confirmationPlan } from '../domain/confirmations/confirmable-cells';
import { confirmationKey, latestConfirmations } from '../domain/confirmations/confirmation-state';
import { draftFormat } from '../domain/drafts/draft-format';
import { InvalidWindowError } from '../domain/errors';
import { metricLabelWithUnit, reportValueText } from '../domain/report/installation-section';
import { reportSettingsOf } from '../domain/report/report-settings';
import { summarize } from '../domain/summary/summarize';
import type { ConfirmationStore } from '../storage/confirmation-store';
import type { StoredCell } from '../storage/entry-records';
import type { EntryStore } from '../storage/entry-store';
import { UnknownInstallationError } from './confirmation-errors';
import { cellForConfirmation, confirmationStatusView } from './confirmation-views';
import { storedValuesOf } from './stored-values';

export interface ConfirmationDeps {
  entries: Pick<EntryStore, 'listCells'>;
  confirmations: Pick<ConfirmationStore, 'list'>;
}

/** The installation the request names, or a 404 naming the known ones. */
export function installationOf(config: ProjectConfig, installationId: string): Installation {
  const installation = config.installations.find((candidate) => candidate.id === installationId);
  if (installation === undefined) {
    throw new UnknownInstallationError(
      config.project.id,
      installationId,
      config.installations.map((candidate) => candidate.id),
    );
  }
  return installation;
}

/** One reporting period (P3), not a year: a partner confirms what they entered for a period. */
export function periodOf(config: ProjectConfig, period: string): { id: PeriodId; label: string } {
  const window = parseWindow(config.project, period);
  const only = window.periods[0];
  if (window.kind !== 'period' || only === undefined) {
    throw new InvalidWindowError(
      period,
      'one reporting period such as "P3": figures are confirmed period by period',
    );
  }
  return { id: only.id, label: window.label };
}

/**
 * What a partner sees before confirming an installation's period: each value as the report prints
 * it, the open warnings (each needs a line), the period's figures as the report totals them, what
 * blocks confirming, the versions to send back, and the current confirmation, if any.
 */
export async function previewConfirmation(
  deps: ConfirmationDeps,
  config: ProjectConfig,
  installationId: string,
  period: string,
  caller: { email: string },
  now: DateTime,
): Promise<ConfirmationPreview> {
  const installation = installationOf(config, installationId);
  const window = parseWindow(config.project, period);
  const periodRef = periodOf(config, period);
  const soFar = cumulativeThrough(config.project, window).periods.map((item) => item.id);
  const [stored, confirmations] = await Promise.all([
    deps.entries.listCells(config.project.id, soFar),
    deps.confirmations.list(config.project.id, [periodRef.id]),
  ]);
  const cells = stored.filter(
    (cell) => cell.installationId === installation.id && cell.periodId === periodRef.id,
  );
  const plan = confirmationPlan(installation, periodRef.id, cells.map(cellForConfirmation));
  const current = stored.flatMap((cell) => (cell.current === null ? [] : [cell.current]));
  const summary = summarize(config, storedValuesOf(current), window, now);
  const format = draftFormat(reportSettingsOf(config.project).locale);
  const figures = summary.installations.find((item) => item.installationId === installation.id);
  const byMetric = new Map(cells.map((cell) => [cell.metricId, cell]));
  return {
    installationId: installation.id,
    installationName: installation.name,
    periodId: periodRef.id,
    periodLabel: periodRef.label,
    cells: installation.metrics.map((metric) => previewCell(metric, byMetric.get(metric.id), format)),
    totals: (figures?.metrics ?? []).map(
      (metric) =>
        `${metricLabelWithUnit(metric.label, metric.unit)}: ${reportValueText(metric.aggregate, format)}`,
    ),
    blocking: plan.blocking.map(({ metricId, reason, message }) => ({ metricId, reason, message })),
    warnings: plan.warnings.map(({ metricId, normalized, ruleIds, messages }) => ({
      metricId,
      normalized,
      ruleIds,
      messages,
    })),
    versions: Object.fromEntries(plan.covered.map((cell) => [cell.metricId, cell.version])),
    mayConfirm: installation.editors.includes(caller.email),
    current: confirmationStatusView(
      installation,
      periodRef.id,
      latestConfirmations(confirmations).get(confirmationKey(installation.id, periodRef.id)),
      cells,
    ),
  };
}

function previewCell(
  metric: Installation['metrics'][number],
  cell: StoredCell | undefined,
  format: ReturnType<typeof draftFormat>,
): ConfirmationPreview['cells'][number] {
  const weighed = cell === undefined ? undefined : cellForConfirmation(cell);
  const current = cell?.current ?? null;
  const status =
    weighed?.latestRejected != null
      ? 'rejected'
      : current === null || current.value === null
        ? 'empty'
        : current.status;
  return {
    metricId: metric.id,
    label: metric.label,
    unit: metric.unit,
    text: reportValueText(current?.value ?? null, format),
    version: current?.version ?? null,
    status,
    warnings: (current?.issues ?? [])
      .filter((issue) => issue.severity === 'warning')
      .map((issue) => issue.message),
  };
}
