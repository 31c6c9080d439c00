/**
 * The backend's one-time value that proves the caller can edit the spreadsheet: the add-on, running
 * as them inside it, writes it as DOCUMENT developer metadata (which a viewer cannot), the backend
 * reads it back through the Sheets API. Binding and asking for the coordinators' addresses both use it.
 */
export interface EditorProof {
  metadataKey: string;
  nonce: string;
}

export function writeEditorProof(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  { metadataKey, nonce }: EditorProof,
): void {
  spreadsheet.addDeveloperMetadata(metadataKey, nonce, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
}

/** Removes the value again (only this one: another caller's proof may be there at the same time). */
export function removeEditorProof(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  { metadataKey, nonce }: EditorProof,
): void {
  for (const metadata of spreadsheet
    .createDeveloperMetadataFinder()
    .withKey(metadataKey)
    .withValue(nonce)
    .find())
    metadata.remove();
}
