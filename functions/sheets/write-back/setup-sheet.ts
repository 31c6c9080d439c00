import { currentPeriod } from '../../domain/calendar/current-period';
import { listPeriods } from '../../domain/calendar/reporting-period';
import { isActive } from '../../domain/closing/period-lock';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import type { RawInput } from '../../domain/entries/metric-value';
import type { CurrentEntry } from '../../storage/entry-store';
import type { LockStore } from '../../storage/lock-store';
import { valueKey } from '../layout/metrics-tab';
import { type CellPaint, paintForOutcome } from '../layout/outcome-paint';
import { planSetup } from '../layout/setup-plan';
import type { TabModule } from '../layout/tab-module';
import { TAB_REGISTRY } from '../layout/tab-registry';
import {
  type ConfigTabsTracking,
  hasConfigTabs,
  includesConfigTabs,
  tabsAreCurrent,
} from './config-tabs-tracking';
import { readBoundSheet, type WriteBackDeps, type WriteBackResult, writeOnce } from './write-back-deps';
import { SheetProtectedByPersonError } from './write-back-errors';

/** A stored raw input as the sheet shows it: what was typed, as text. */
export function rawText(raw: RawInput): string {
  if (raw === null) return '';
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return String(raw);
}

/**
 * The colour and note the add-on would have put on the cell when this value was typed, so a partner
 * opening the sheet after setup sees which values came with a warning without validating anything.
 */
export function storedPaint(entry: CurrentEntry): CellPaint {
  const issues = entry.issues ?? [];
  const message = issues.map((issue) => issue.message).join(' ');
  return paintForOutcome({ status: entry.status, normalized: entry.normalized, issues, message }, entry.raw);
}

/** A setup's answer: the write, the Metrics rows whose anchors it moved back to their key cells, notices. */
export interface SetupResult extends WriteBackResult {
  /** Rows counted from 1, as the coordinator sees them. */
  realigned: { key: string; fromRow: number; toRow: number }[];
  notices: string[];
}

/**
 * Builds or updates the spreadsheet's layout for the project's config, with one read and at most one
 * batchUpdate; nothing to change (a second call) sends no batchUpdate at all. Stored values are
 * written into empty cells and painted with their outcome wherever the cell shows them. Rows are
 * known by their key cells: anchors and protections a sort or an edit moved away are put back.
 */
export async function setupSheet(
  // Required: a setup that did not know the locks would take their columns' protection away.
  deps: WriteBackDeps & { locks: Pick<LockStore, 'list'> },
  config: ProjectConfig,
  tabs: readonly TabModule[] = TAB_REGISTRY,
  // Without it (a lock's protection) the configuration tabs are only created when missing.
  tracking?: ConfigTabsTracking,
): Promise<SetupResult> {
  const sheet = await readBoundSheet(deps, config);
  const { spreadsheetId } = sheet.target;
  const tracked = tracking !== undefined && includesConfigTabs(tabs) ? tracking : undefined;
  const stale =
    tracked !== undefined &&
    !tabsAreCurrent(await tracked.store.get(config.project.id), tracked.revision, spreadsheetId);
  const locks = await deps.locks.list(config.project.id);
  const lockedPeriodIds = [...new Set(locks.filter(isActive).flatMap((lock) => lock.periodIds))];
  const current = currentPeriod(config.project, deps.now());
  const periods = listPeriods(config.project).slice(0, current.index);
  const stored = await deps.entries.listCurrent(
    config.project.id,
    periods.map((period) => period.id),
  );
  const cells = new Map(
    stored.map((entry) => [
      valueKey(entry.installationId, entry.metricId, entry.periodId),
      { text: rawText(entry.raw), paint: storedPaint(entry) },
    ]),
  );
  const plan = planSetup(
    sheet.snapshot,
    {
      config,
      periods,
      stored: cells,
      serviceAccountEmail: sheet.serviceAccountEmail,
      lockedPeriodIds,
      rewriteConfigTabs: stale,
    },
    tabs,
  );
  // Nothing is sent that Google would refuse whole: the coordinator is told what to change first.
  if (plan.refusal !== undefined) throw new SheetProtectedByPersonError(plan.refusal);
  const written = await writeOnce(sheet, plan.requests);
  // Recorded once written: a failed write leaves the record stale, so the next setup writes again.
  if (tracked !== undefined && stale) {
    await tracked.store.record({
      projectId: config.project.id,
      spreadsheetId,
      revision: tracked.revision,
      writtenBy: tracked.by,
      writtenAt: deps.now().toUTC().toISO() ?? '',
    });
  }
  const rewritten = stale && hasConfigTabs(sheet.snapshot);
  return {
    ...written,
    realigned: plan.realigned.map((moved) => ({
      key: moved.key,
      fromRow: moved.from + 1,
      toRow: moved.to + 1,
    })),
    notices: [
      ...(rewritten
        ? [
            `The configuration tabs were written from another configuration than the stored one (revision ${tracked.revision}): they show the stored configuration again; make your changes there, then Apply configuration.`,
          ]
        : []),
      ...plan.notices,
    ],
  };
}
