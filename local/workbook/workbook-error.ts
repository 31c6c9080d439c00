/**
 * A request the workbook cannot honour (bad range, unknown sheet, duplicate title...). Both faces
 * translate it: the Sheets API into 400 INVALID_ARGUMENT (or 404 for `notFound`), the Apps Script
 * double into the exception SpreadsheetApp would throw. The message is Google's wording where known.
 */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly kind: 'invalid' | 'notFound' | 'permission' = 'invalid',
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}
