import { type SheetBindingStore, SpreadsheetOfAnotherProjectError } from '../storage/sheet-binding-store';

/**
 * A spreadsheet holds one project. Asked before anything is handed out for, or written into, a
 * spreadsheet on a project's behalf (binding challenge, bind), so a spreadsheet another project
 * bound is refused even while that project has not set its tabs up, and nothing lands in it. The
 * backend's own record (the spreadsheet owner item) decides, never what the sheet says of itself.
 */
export async function requireSpreadsheetOfProject(
  deps: { sheetBindings: Pick<SheetBindingStore, 'ownerOf'> },
  projectId: string,
  spreadsheetId: string,
): Promise<void> {
  const owner = await deps.sheetBindings.ownerOf(spreadsheetId);
  if (owner !== undefined && owner !== projectId) {
    throw new SpreadsheetOfAnotherProjectError(spreadsheetId, projectId, owner);
  }
}
