import { ANCHOR_KEYS } from './anchors';
import { anchorSheet, type Request } from './sheet-requests';
import type { SpreadsheetSnapshot, TabSnapshot } from './sheet-snapshot';
import type { TabModule } from './tab-module';

/** A tab as a plan sees it: the snapshot of an existing one, or an empty one created by `requests`. */
export interface PlannedTab {
  tab: TabSnapshot;
  created: boolean;
  requests: Request[];
}

/** First sheet id given to a tab we create; Google's own default sheet is 0. */
const FIRST_SHEET_ID = 1001;

/**
 * Chooses sheet ids and titles for new tabs so requests later in the same batchUpdate can refer to
 * them, avoiding every id and title already in the spreadsheet (a person's "Metrics" tab is not ours).
 */
export class TabAllocator {
  private readonly ids: Set<number>;
  private readonly titles: Set<string>;

  constructor(private readonly snapshot: SpreadsheetSnapshot) {
    this.ids = new Set(snapshot.sheetIds);
    this.titles = new Set(snapshot.titles.map((title) => title.toLowerCase()));
  }

  /** The tab of `module`'s role, created (with its anchor) when the spreadsheet has none. */
  ensure(module: Pick<TabModule, 'role' | 'title' | 'columnCount'>, rowCount = 1): PlannedTab {
    const { role, columnCount } = module;
    const existing = this.snapshot.tabs[role];
    if (existing !== undefined) {
      if (existing.columnCount >= columnCount) return { tab: existing, created: false, requests: [] };
      return {
        tab: { ...existing, columnCount },
        created: false,
        requests: [
          {
            appendDimension: {
              sheetId: existing.sheetId,
              dimension: 'COLUMNS',
              length: columnCount - existing.columnCount,
            },
          },
        ],
      };
    }
    const sheetId = this.newId();
    const title = this.newTitle(module.title);
    const tab: TabSnapshot = {
      sheetId,
      title,
      rowCount,
      columnCount,
      frozenRowCount: 0,
      rowAnchors: [],
      columnAnchors: [],
      cells: Array.from({ length: rowCount }, () => Array(columnCount).fill('')),
      paints: new Map(),
      protectedRanges: [],
    };
    return {
      tab,
      created: true,
      requests: [
        { addSheet: { properties: { sheetId, title, gridProperties: { rowCount, columnCount } } } },
        anchorSheet(sheetId, ANCHOR_KEYS.tab, role),
      ],
    };
  }

  private newId(): number {
    let id = FIRST_SHEET_ID;
    while (this.ids.has(id)) id += 1;
    this.ids.add(id);
    return id;
  }

  private newTitle(base: string): string {
    let title = base;
    for (let attempt = 2; this.titles.has(title.toLowerCase()); attempt += 1) {
      title = `${base} (va-assess${attempt > 2 ? ` ${attempt - 1}` : ''})`;
    }
    this.titles.add(title.toLowerCase());
    return title;
  }
}
