import { assessmentsTab } from './assessments-tab';
import { installationsTab } from './installations-tab';
import { metricsTab } from './metrics-tab';
import { reportTab } from './report-tab';
import { statusTab } from './status-tab';
import { summaryTab } from './summary-tab';
import type { TabModule } from './tab-module';

/**
 * Every tab of the spreadsheet, in the order setup plans them (as the routes are listed in one
 * place): adding a tab is writing its module and adding it here (see functions/sheets/README.md).
 */
export const TAB_MODULES = [
  metricsTab,
  installationsTab,
  summaryTab,
  assessmentsTab,
  reportTab,
  statusTab,
] as const;

export type TabRole = (typeof TAB_MODULES)[number]['role'];

/** The registered tabs as setup takes them: a test may pass these with a module of its own. */
export const TAB_REGISTRY: readonly TabModule[] = TAB_MODULES;
