import type { Execution } from '../execution';
import type { SpreadsheetAccess } from './spreadsheet-access';

/**
 * Who may edit the spreadsheet, and adding editors, as Spreadsheet.getEditors(), getOwner() and
 * addEditor(s)() do (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet):
 * authorised by `spreadsheets.currentonly` (or `spreadsheets`), no Drive scope. Reaching the
 * spreadsheet at all already needs edit access here (SpreadsheetAccess.spreadsheetFor), so a viewer
 * never gets this far. Modelled by hand:
 * - getEditors lists everyone with edit access, the owner included (Drive's File.getEditors, by
 *   contrast, leaves the owner out).
 * - addEditors follows Drive's default sharing setting, "Editors can change permissions and share"
 *   (https://support.google.com/drive/answer/2494893): the owner and every editor may add editors.
 *   Turning that setting off, groups, domains and viewers are not modelled.
 * - An address that is not an e-mail address is refused as a whole before anyone is added.
 */
export function spreadsheetSharingOperations(access: SpreadsheetAccess) {
  return {
    'ss.editors': (execution: Execution) => [...access.spreadsheetFor(execution).data.sharedWith],
    'ss.owner': (execution: Execution) => access.spreadsheetFor(execution).owner,
    'ss.addEditors': (execution: Execution, emails: string[]) => {
      const spreadsheet = access.spreadsheetFor(execution);
      const invalid = emails.find((email) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email));
      if (invalid !== undefined) throw new Error(`Invalid email: ${invalid}`);
      for (const email of emails) access.model.share(spreadsheet.id, email);
    },
  };
}
