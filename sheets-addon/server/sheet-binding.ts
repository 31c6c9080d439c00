import type { ApiClient, ApiResult, SheetBinding } from '../core/api-client';
import { removeEditorProof, writeEditorProof } from './editor-proof';

/**
 * Binds the open spreadsheet to the project. The backend binds only a spreadsheet the caller can
 * edit: it hands out a one-time value, the add-on (running as the caller, inside the spreadsheet)
 * writes it as DOCUMENT developer metadata, which a viewer cannot, and the backend reads it back
 * through the Sheets API before binding, then removes it. Refused, the value is removed here.
 */
export function bindThisSpreadsheet(
  api: ApiClient,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): ApiResult<SheetBinding> {
  const spreadsheetId = spreadsheet.getId();
  const challenge = api.sheetChallenge(spreadsheetId);
  if (challenge.kind !== 'ok') return challenge;
  writeEditorProof(spreadsheet, challenge.value);
  const bound = api.bindSheet(spreadsheetId);
  if (bound.kind !== 'ok') removeEditorProof(spreadsheet, challenge.value);
  return bound;
}
