import { ANCHOR_KEYS, parseEntryRowValue } from '../../functions/sheets/layout/anchors';
import type { TabSnapshot } from '../../functions/sheets/layout/sheet-snapshot';

/** "installation/metric/P1" → text, read through the row and column anchors only. */
export function metricsValues(tab: TabSnapshot): Map<string, string> {
  const columns = tab.columnAnchors.filter((anchor) => anchor.key === ANCHOR_KEYS.periodColumn);
  const values = new Map<string, string>();
  for (const row of tab.rowAnchors.filter((anchor) => anchor.key === ANCHOR_KEYS.entryRow)) {
    const key = parseEntryRowValue(row.value);
    if (key === undefined) continue;
    for (const column of columns) {
      const text = tab.cells[row.index]?.[column.index] ?? '';
      if (text !== '') values.set(`${key.installationId}/${key.metricId}/${column.value}`, text);
    }
  }
  return values;
}
