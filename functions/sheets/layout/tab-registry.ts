import { assessmentsTab } from './assessments-tab';
import { CONFIG_TAB_MODULES } from './config-tabs';
import { metricsTab } from './metrics-tab';
import { reportTab } from './report-tab';
import { statusTab } from './status-tab';
import { summaryTab } from './summary-tab';
import type { TabModule } from './tab-module';

/**
 * Every tab of the spreadsheet, in the order setup plans them (as the routes are listed in one
 * place): adding a tab is writing its module and adding it here (see functions/sheets/README.md).
 * The configuration tabs (config-tabs.ts) hold the installations' descriptive fields: the
 * configuration's Installations tab is the only one.
 */
export const TAB_MODULES = [
  metricsTab,
  ...CONFIG_TAB_MODULES,
  summaryTab,
  assessmentsTab,
  reportTab,
  statusTab,
] as const;

export type TabRole = (typeof TAB_MODULES)[number]['role'];

/** The registered tabs as setup takes them: a test may pass these with a module of its own. */
export const TAB_REGISTRY: readonly TabModule[] = TAB_MODULES;
