import type { sheets_v4 } from '@googleapis/sheets';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import { entryRowValue } from './anchors';
import {
  type DesiredProtection,
  editorList,
  personalSheetProtection,
  protectionDescriptions,
  replaceProtections,
  syncProtections,
} from './protection';
import type { MovedRow } from './row-identity';
import { outsideValueColumns, sheetProtectionNotice } from './sheet-protection-by-person';
import { consecutiveRuns, type GridRange, type Request } from './sheet-requests';
import type { TabSnapshot } from './sheet-snapshot';

/** Where the protected cells of the Metrics tab are once the plan's requests are applied. */
export interface MetricsProtectionInput {
  config: ProjectConfig;
  serviceAccountEmail: string;
  rowOf: ReadonlyMap<string, number>;
  retiredRows: readonly number[];
  valueColumnRuns: readonly [number, number][];
  /** Rows were inserted: they moved the ranges already there, so all of ours are replaced. */
  rowsInserted: boolean;
  /** Value columns of locked periods: closed to partners on top of their installations' ranges. */
  lockedColumns?: readonly { periodId: string; column: number }[];
}

/**
 * The whole tab (labels, header, ids) is coordinators' except the value columns, which each
 * installation's own protected ranges open to its editors. Ranges follow the rows where they are
 * now: after a sort an installation's rows may form several runs, each protected alike.
 */
function metricsProtections(
  input: MetricsProtectionInput,
  sheetId: number,
  besideSheetProtection: boolean,
): DesiredProtection[] {
  const coordinators = editorList(input.config.project.coordinators, [input.serviceAccountEmail]);
  const valueColumns = (rows: [number, number] | undefined): GridRange[] =>
    input.valueColumnRuns.map(([start, end]) => ({
      sheetId,
      ...(rows === undefined ? { startRowIndex: 1 } : { startRowIndex: rows[0], endRowIndex: rows[1] }),
      startColumnIndex: start,
      endColumnIndex: end,
    }));
  const tabDescription = protectionDescriptions.tab('metrics');
  const protections: DesiredProtection[] = besideSheetProtection
    ? outsideValueColumns(sheetId, input.valueColumnRuns).map((range) => ({
        description: tabDescription,
        range,
        editors: coordinators,
      }))
    : [
        {
          description: tabDescription,
          range: { sheetId },
          editors: coordinators,
          unprotectedRanges: valueColumns(undefined),
        },
      ];
  // Without a range of their own, retired rows' value cells would be open to anyone (the tab's range
  // leaves the value columns to the installations' ranges).
  for (const run of consecutiveRuns(input.retiredRows)) {
    for (const range of valueColumns(run)) {
      protections.push({ description: protectionDescriptions.retired, range, editors: coordinators });
    }
  }
  // Google lets a person edit a cell only when every protected range over it lists them: this range
  // closes the column to partners whatever their installations' ranges open.
  for (const { periodId, column } of input.lockedColumns ?? []) {
    protections.push({
      description: protectionDescriptions.locked(periodId),
      range: { sheetId, startRowIndex: 1, startColumnIndex: column, endColumnIndex: column + 1 },
      editors: coordinators,
    });
  }
  for (const installation of input.config.installations) {
    const rows = installation.metrics.flatMap(
      (metric) =>
        input.rowOf.get(entryRowValue({ installationId: installation.id, metricId: metric.id })) ?? [],
    );
    for (const run of consecutiveRuns(rows)) {
      for (const range of valueColumns(run)) {
        protections.push({
          description: protectionDescriptions.installation(installation.id),
          range,
          editors: editorList(installation.editors, coordinators),
        });
      }
    }
  }
  return protections;
}

/** The requests that bring the tab's protected ranges in line, and a person's sheet protection. */
export function planMetricsProtection(
  tab: TabSnapshot,
  input: MetricsProtectionInput,
): { requests: Request[]; personal: sheets_v4.Schema$ProtectedRange | undefined } {
  const personal = personalSheetProtection(tab);
  const protections = metricsProtections(input, tab.sheetId, personal !== undefined);
  return {
    requests: input.rowsInserted
      ? replaceProtections(tab.protectedRanges, protections)
      : syncProtections(tab.protectedRanges, protections),
    personal,
  };
}

/**
 * Why Google would refuse the plan's requests whole: a person's sheet protection that does not list
 * the service account among its editors, while there are changes to make. Undefined otherwise.
 */
export function protectionRefusal(
  title: string,
  personal: sheets_v4.Schema$ProtectedRange | undefined,
  requestCount: number,
  serviceAccountEmail: string,
): string | undefined {
  const serviceAccount = serviceAccountEmail.trim().toLowerCase();
  if (
    personal === undefined ||
    requestCount === 0 ||
    editorList(personal.editors?.users ?? []).includes(serviceAccount)
  ) {
    return undefined;
  }
  return `${sheetProtectionNotice(title, personal)} Setup has changes to make to the tab, but that protection does not list the service account ${serviceAccount} among its editors, so Google refuses them: add ${serviceAccount} to its editors (or remove it), then run setup again.`;
}

/** "ifca-cpu/cpu-hours (row 7 → 3)": rows counted from 1, as the coordinator sees them. */
export function realignedNotice(title: string, moved: readonly MovedRow[]): string {
  const shown = moved.slice(0, 10).map((item) => `${item.key} (row ${item.from + 1} → ${item.to + 1})`);
  const more = moved.length > shown.length ? ` and ${moved.length - shown.length} more` : '';
  return `${moved.length} rows of the ${title} tab had moved away from their anchors (a sort, or an edit of the sheet's metadata): each row is known by its key cell, so its anchor and the protection of its value cells were moved to where the key is now: ${shown.join(', ')}${more}.`;
}
