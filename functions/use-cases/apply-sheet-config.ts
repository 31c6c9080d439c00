import type { ApplyConfigResponse, ConfigTabProblem } from '../contract/config-tabs-contract';
import { applierProblems } from '../domain/config/tables/applier-problems';
import type { CellValue, Grid } from '../domain/config/tables/cell-values';
import { CONFIG_TABS, type ConfigTabId } from '../domain/config/tables/config-columns';
import { a1Of, type ConfigProblem } from '../domain/config/tables/config-problems';
import { type ConfigGrids, gridsToConfig } from '../domain/config/tables/grids-to-config';
import { CONFIG_TAB_ROLES } from '../sheets/layout/config-tabs';
import type { TabSnapshot } from '../sheets/layout/sheet-snapshot';
import { tabsAreCurrent } from '../sheets/write-back/config-tabs-tracking';
import { setupSheet } from '../sheets/write-back/setup-sheet';
import { readBoundSheet, type WriteBackDeps } from '../sheets/write-back/write-back-deps';
import type { ConfigCache } from '../storage/config-cache';
import type { ConfigSnapshot } from '../storage/config-revision';
import type { ConfigStore } from '../storage/config-store';
import type { ConfigTabsStore } from '../storage/config-tabs-store';
import type { LockStore } from '../storage/lock-store';
import { ConfigTabsStaleError } from './config-tabs-stale-error';

export interface ApplySheetConfigDeps extends WriteBackDeps {
  configs: Pick<ConfigStore, 'save' | 'revisionStamp'>;
  /** The backend's record of the revision the tabs come from: it alone decides they are current. */
  configTabs: Pick<ConfigTabsStore, 'get' | 'record'>;
  configCache: Pick<ConfigCache, 'forget'>;
  /** Setup protects locked periods' columns (issue 19). */
  locks: Pick<LockStore, 'list'>;
}

function cellValue(value: unknown): CellValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

function problemOn(
  tabs: Partial<Record<ConfigTabId, TabSnapshot>>,
  problem: ConfigProblem,
): ConfigTabProblem {
  const tab = tabs[problem.tab];
  const tabTitle = tab?.title ?? problem.tab;
  return {
    tabTitle,
    sheetId: tab?.sheetId ?? -1,
    row: problem.row + 1,
    column: problem.column + 1,
    a1: `${tabTitle}!${a1Of(problem)}`,
    message: problem.message,
  };
}

/**
 * Tabs written from an older revision than the stored one would undo it silently: refused before
 * anything is read, painted or stored. Only the backend's record decides, never the sheet.
 */
async function requireCurrentTabs(
  deps: Pick<ApplySheetConfigDeps, 'configs' | 'configTabs'>,
  current: ConfigSnapshot,
  spreadsheetId: string,
): Promise<void> {
  const projectId = current.config.project.id;
  const record = await deps.configTabs.get(projectId);
  if (tabsAreCurrent(record, current.revision, spreadsheetId)) return;
  const stamp = await deps.configs.revisionStamp(projectId);
  throw new ConfigTabsStaleError(
    projectId,
    record?.spreadsheetId === spreadsheetId ? record.revision : null,
    stamp ?? { revision: current.revision, updatedBy: 'unknown', updatedAt: 'unknown' },
  );
}

/**
 * Apply configuration: the configuration tabs of the bound spreadsheet, read by the service account,
 * become the project's next configuration revision, on the revision the caller (a coordinator, checked
 * by the route) was allowed on; while any problem is left nothing is stored and every problem is
 * answered on its cell. Valid, the spreadsheet's tabs are brought up to date (setup), typed values kept.
 */
export async function applySheetConfig(
  deps: ApplySheetConfigDeps,
  request: { current: ConfigSnapshot; email: string },
): Promise<ApplyConfigResponse> {
  const { config: current, revision: currentRevision } = request.current;
  const sheet = await readBoundSheet(deps, current);
  await requireCurrentTabs(deps, request.current, sheet.target.spreadsheetId);
  const tabs: Partial<Record<ConfigTabId, TabSnapshot>> = {};
  for (const tab of CONFIG_TABS) {
    const found = sheet.snapshot.tabs[CONFIG_TAB_ROLES[tab]];
    if (found !== undefined) tabs[tab] = found;
  }
  const present = CONFIG_TABS.filter((tab) => tabs[tab] !== undefined);
  const values = await sheet.gateway.readValues(
    sheet.target,
    present.map((tab) => `'${(tabs[tab]?.title ?? '').replaceAll("'", "''")}'`),
  );
  const grids: ConfigGrids = {};
  present.forEach((tab, index) => {
    grids[tab] = (values[index] ?? []).map((row): CellValue[] => row.map(cellValue)) as Grid;
  });
  const reading = gridsToConfig(grids);
  const problems = reading.ok
    ? applierProblems(reading.config, grids, { projectId: current.project.id, email: request.email })
    : reading.problems;
  if (!reading.ok || problems.length > 0) {
    return { applied: false, problems: problems.map((problem) => problemOn(tabs, problem)) };
  }
  const config = reading.config;
  const revision = await deps.configs.save(config, request.email, currentRevision);
  deps.configCache.forget(config.project.id);
  // The tabs are this revision now: recorded before setup, which then keeps them as they are.
  const tracking = { store: deps.configTabs, revision, by: request.email };
  await deps.configTabs.record({
    projectId: config.project.id,
    spreadsheetId: sheet.target.spreadsheetId,
    revision,
    writtenBy: request.email,
    writtenAt: deps.now().toUTC().toISO() ?? '',
  });
  const setUp = await setupSheet(deps, config, undefined, tracking);
  return {
    applied: true,
    revision,
    installations: config.installations.length,
    metrics: config.installations.reduce((sum, installation) => sum + installation.metrics.length, 0),
    notices: setUp.notices,
  };
}
