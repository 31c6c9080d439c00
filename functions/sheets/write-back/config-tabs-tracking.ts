import type { ConfigTabsRecord, ConfigTabsStore } from '../../storage/config-tabs-store';
import { CONFIG_TAB_ROLES } from '../layout/config-tabs';
import type { SpreadsheetSnapshot } from '../layout/sheet-snapshot';
import type { TabModule } from '../layout/tab-module';

/** What a setup needs to know whether the configuration tabs are current, and to record them when written. */
export interface ConfigTabsTracking {
  store: Pick<ConfigTabsStore, 'get' | 'record'>;
  /** The stored revision the configuration given to setup is. */
  revision: string;
  /** Who set up or applied. */
  by: string;
}

const CONFIG_ROLES: ReadonlySet<string> = new Set(Object.values(CONFIG_TAB_ROLES));

/** Whether `tabs` (what a setup plans) holds configuration tabs. */
export function includesConfigTabs(tabs: readonly TabModule[]): boolean {
  return tabs.some((tab) => CONFIG_ROLES.has(tab.role));
}

/** Whether the spreadsheet holds any configuration tab already (a rewrite then replaces a coordinator's copy). */
export function hasConfigTabs(snapshot: SpreadsheetSnapshot): boolean {
  return Object.values(CONFIG_TAB_ROLES).some((role) => snapshot.tabs[role] !== undefined);
}

/**
 * Whether the backend's record says the spreadsheet's configuration tabs show `revision`: only the
 * record decides; no record, another spreadsheet or another revision is stale.
 */
export function tabsAreCurrent(
  record: ConfigTabsRecord | null,
  revision: string,
  spreadsheetId: string,
): boolean {
  return record !== null && record.revision === revision && record.spreadsheetId === spreadsheetId;
}
