import type { DateTime } from 'luxon';
import type { ConfirmationRequest, ConfirmationStatusView } from '../contract/confirmation-contract';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { checkJustifications, confirmationPlan } from '../domain/confirmations/confirmable-cells';
import type { Confirmation } from '../domain/confirmations/confirmation';
import type { ConfirmationStore } from '../storage/confirmation-store';
import type { EntryStore } from '../storage/entry-store';
import {
  ConfirmationBlockedError,
  FiguresChangedError,
  JustificationNeededError,
} from './confirmation-errors';
import { cellForConfirmation, confirmationStatusView } from './confirmation-views';
import { installationOf, periodOf } from './preview-confirmation';

/**
 * A partner confirms one installation's figures of one period, as they saw them (the versions the
 * preview answered). Refused, with nothing recorded, while a cell is empty or rejected, when a cell
 * moved since they looked, or while an open warning has no line of justification. The caller's
 * authority (a listed editor, under their own identity) is the edge's to check before this.
 */
export async function confirmFigures(
  deps: { entries: Pick<EntryStore, 'listCells'>; confirmations: Pick<ConfirmationStore, 'save'> },
  config: ProjectConfig,
  caller: { email: string },
  request: Required<Pick<ConfirmationRequest, 'installationId' | 'period' | 'versions'>> & {
    justifications: Readonly<Record<string, string>>;
  },
  now: DateTime,
): Promise<ConfirmationStatusView> {
  const installation = installationOf(config, request.installationId);
  const period = periodOf(config, request.period);
  const cells = (await deps.entries.listCells(config.project.id, [period.id])).filter(
    (cell) => cell.installationId === installation.id,
  );
  const plan = confirmationPlan(installation, period.id, cells.map(cellForConfirmation));
  if (plan.blocking.length > 0) throw new ConfirmationBlockedError(installation.id, period.id, plan.blocking);
  const seen = new Map(Object.entries(request.versions));
  const changes: { metricId: string; seen: number | null; now: number | null }[] = plan.covered
    .filter((cell) => seen.get(cell.metricId) !== cell.version)
    .map((cell) => ({ metricId: cell.metricId, seen: seen.get(cell.metricId) ?? null, now: cell.version }));
  const covered = new Set(plan.covered.map((cell) => cell.metricId));
  for (const [metricId, version] of seen) {
    if (!covered.has(metricId)) changes.push({ metricId, seen: version, now: null });
  }
  if (changes.length > 0) throw new FiguresChangedError(changes);
  const lines = checkJustifications(plan, request.justifications);
  if (lines.unjustified.length > 0 || lines.malformed.length > 0) {
    throw new JustificationNeededError(lines.unjustified, lines.malformed);
  }
  const confirmation: Confirmation = {
    installationId: installation.id,
    periodId: period.id,
    confirmedBy: caller.email,
    confirmedAt: now.toUTC().toISO() ?? now.toString(),
    cells: plan.covered,
    justifications: lines.justifications,
  };
  await deps.confirmations.save(config.project.id, confirmation);
  return confirmationStatusView(installation, period.id, confirmation, cells);
}
