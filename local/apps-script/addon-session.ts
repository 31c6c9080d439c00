import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANCHOR_KEYS, entryRowValue } from '../../functions/sheets/layout/anchors';
import type { WorkbookModel } from '../workbook';
import type { AddonSandbox } from './addon-sandbox';

/**
 * What a jest test and a plain benchmark script both do with the add-on in its sandbox: find a value
 * cell, run the coordinator's first steps, read the outbox. No test framework here: a step that does
 * not end as a person would see it end throws, naming the step and what the add-on said.
 */

const OUTBOX_PREFIX = 'va-assess.outbox.';

/** A value cell of the Metrics tab, found through the anchors. */
export interface ValueCellRef {
  sheetId: number;
  /** 0-based. */
  row: number;
  column: number;
  /** "Metrics!H7". */
  a1: string;
}

export function valueCellOf(
  model: WorkbookModel,
  spreadsheetId: string,
  cell: { installationId: string; metricId: string; periodId: string },
): ValueCellRef {
  const spreadsheet = model.get(spreadsheetId);
  const row = spreadsheet.findMetadata({
    metadataKey: ANCHOR_KEYS.entryRow,
    metadataValue: entryRowValue(cell),
  })[0];
  const column = spreadsheet.findMetadata({
    metadataKey: ANCHOR_KEYS.periodColumn,
    metadataValue: cell.periodId,
  })[0];
  if (row?.location.kind !== 'dimension' || column?.location.kind !== 'dimension') {
    throw new Error(`no value cell for ${cell.installationId}/${cell.metricId}/${cell.periodId}`);
  }
  const sheet = spreadsheet.sheetById(row.location.sheetId);
  return {
    sheetId: sheet.sheetId,
    row: row.location.startIndex,
    column: column.location.startIndex,
    a1: `${sheet.title}!${String.fromCharCode(65 + column.location.startIndex)}${row.location.startIndex + 1}`,
  };
}

/** The queued edits of the document's outbox, in queue order. */
export function outboxItemsOf(sandbox: AddonSandbox): { submission: { raw: unknown } }[] {
  return Object.entries(sandbox.documentProperties())
    .filter(([key]) => key.startsWith(OUTBOX_PREFIX))
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([, value]) => JSON.parse(value) as { submission: { raw: unknown } }[]);
}

/** A private copy of the built add-on: others may rebuild sheets-addon/dist while it runs. */
export function privateAddonCopy(builtDir: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'addon-dist-'));
  cpSync(builtDir, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const lastAlertOf = (sandbox: AddonSandbox) => sandbox.alerts().at(-1)?.message ?? '';

/** Settings saved; the answer the settings page would show when they are not. */
export async function saveSettings(
  sandbox: AddonSandbox,
  coordinator: string,
  settings: { backendUrl: string | undefined; projectId: string },
): Promise<void> {
  const saved = (await sandbox.run(coordinator, 'settingsSave', settings)) as { ok?: boolean } | undefined;
  if (saved?.ok !== true) throw new Error(`Settings were not saved: ${JSON.stringify(saved)}`);
}

/** Extensions › va-assess › Set up reporting sheet, as the coordinator. */
export async function runSetUp(sandbox: AddonSandbox, coordinator: string): Promise<void> {
  await sandbox.run(coordinator, 'menuSetUpSheet');
  if (!lastAlertOf(sandbox).includes('The reporting tabs are set up')) {
    throw new Error(`Set up did not finish: "${lastAlertOf(sandbox)}"`);
  }
}

/** Extensions › va-assess › Enable live validation, as the coordinator. */
export async function runEnableLiveValidation(sandbox: AddonSandbox, coordinator: string): Promise<void> {
  await sandbox.run(coordinator, 'menuEnableLiveValidation');
  if (!lastAlertOf(sandbox).includes('Live validation is on')) {
    throw new Error(`Live validation was not enabled: "${lastAlertOf(sandbox)}"`);
  }
}
