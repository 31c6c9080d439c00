import type { MetricsTabInput } from './metrics-tab';
import { protectGeneratedTab } from './protection';
import type { MovedRow } from './row-identity';
import type { Request } from './sheet-requests';
import type { PlannedTab, TabAllocator } from './tab-allocation';

/** What every tab's setup plan is given: the project, its periods and stored values, who coordinates. */
export interface SetupContext extends MetricsTabInput {
  /** Coordinators and the service account: who may change labels, ids and the generated tabs. */
  editors: readonly string[];
  /**
   * The configuration tabs were written from an older revision than the stored one (the backend's
   * record says so): they are rewritten from the stored configuration instead of kept.
   */
  rewriteConfigTabs?: boolean;
}

/** What a tab's setup plan sends, and what it found that the coordinator should know. */
export interface TabSetup {
  requests: Request[];
  /** Rows whose anchors the plan moved back to their key cells. */
  realigned?: MovedRow[];
  notices?: string[];
  /** Why nothing can be written to the spreadsheet, and what a person must do first. */
  refusal?: string;
}

/**
 * One tab of the spreadsheet, whole: registered in tab-registry.ts, it is found by its role (the
 * tab anchor), created with its default title and width, protected and planned by setup.
 */
export interface TabModule<Role extends string = string> {
  /** The value of the tab's ANCHOR_KEYS.tab metadata: how it is found whatever its title. */
  role: Role;
  /** Default title; a coordinator may rename the tab, the tab anchor still finds it. */
  title: string;
  /** Columns the tab is created with (more are appended when a tab found has fewer). */
  columnCount: number;
  /** The ANCHOR_KEYS its rows and columns carry (none: its content is found by position). */
  anchors: readonly string[];
  /**
   * 'generated': written by the functions only, so coordinators and the service account alone may
   * change it (protectGeneratedTab); 'planned': its setup plan lays out its own protected ranges.
   */
  protection: 'generated' | 'planned';
  /** What a tab just created receives before anything else (title row, widths). */
  whenCreated?: (sheetId: number) => Request[];
  /** Whether setup creates the tab (otherwise its first write-back does). */
  createdBySetup: boolean;
  /** What setup writes into the tab beyond its creation (absent: nothing). */
  plan?: (planned: PlannedTab, context: SetupContext) => TabSetup;
}

/**
 * The tab of `module`, created when missing with what a new one receives, and protected when it is
 * generated: what every write-back and setup starts from.
 */
export function ensureTab(
  allocator: TabAllocator,
  module: TabModule,
  editors: readonly string[],
): PlannedTab {
  const planned = allocator.ensure(module);
  const created = planned.created ? (module.whenCreated?.(planned.tab.sheetId) ?? []) : [];
  const protection =
    module.protection === 'generated' ? protectGeneratedTab(planned.tab, module.role, editors) : [];
  return { ...planned, requests: [...planned.requests, ...created, ...protection] };
}
