import type { ApplyConfigResponse, ConfigTabProblem } from '../contract/config-tabs-contract';
import { applierProblems } from '../domain/config/tables/applier-problems';
import type { CellValue, Grid } from '../domain/config/tables/cell-values';
import { CONFIG_TABS, type ConfigTabId } from '../domain/config/tables/config-columns';
import { a1Of, type ConfigProblem } from '../domain/config/tables/config-problems';
import { type ConfigGrids, gridsToConfig } from '../domain/config/tables/grids-to-config';
import { CONFIG_TAB_ROLES } from '../sheets/layout/config-tabs';
import type { TabSnapshot } from '../sheets/layout/sheet-snapshot';
import { setupSheet } from '../sheets/write-back/setup-sheet';
import { readBoundSheet, type WriteBackDeps } from '../sheets/write-back/write-back-deps';
import type { ConfigCache } from '../storage/config-cache';
import type { ConfigSnapshot } from '../storage/config-revision';
import type { ConfigStore } from '../storage/config-store';
import type { LockStore } from '../storage/lock-store';

export interface ApplySheetConfigDeps extends WriteBackDeps {
  configs: Pick<ConfigStore, 'save'>;
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
  const setUp = await setupSheet(deps, config);
  return {
    applied: true,
    revision,
    installations: config.installations.length,
    metrics: config.installations.reduce((sum, installation) => sum + installation.metrics.length, 0),
    notices: setUp.notices,
  };
}
