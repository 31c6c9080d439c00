import type { ApiClient, ApiResult, SheetBinding } from '../core/api-client';

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
  const { metadataKey, nonce } = challenge.value;
  spreadsheet.addDeveloperMetadata(metadataKey, nonce, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
  const bound = api.bindSheet(spreadsheetId);
  if (bound.kind !== 'ok') {
    for (const metadata of spreadsheet
      .createDeveloperMetadataFinder()
      .withKey(metadataKey)
      .withValue(nonce)
      .find())
      metadata.remove();
  }
  return bound;
}
