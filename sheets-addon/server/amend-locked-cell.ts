import { paintForAnswer, shown } from '../core/cell-note';
import { valueCellsIn } from '../core/value-grid';
import { activeSpreadsheet, alertUser, askUser, messageOf, uniqueId } from './apps-script';
import { coordinatorApi } from './coordinator-only';
import { findMetricsSheet, NO_METRICS_TAB, readMetricsTabAcross } from './metrics-tab';
import { paintCells } from './painter';

const SELECT_ONE_CELL =
  "Select the one cell to amend on the Metrics tab (its installation's row, its period's column), type the new value in it, then choose Extensions › va-assess › Amend locked cell... again.";

/**
 * Menu: Amend locked cell… (coordinators). A locked period's cell changes only as an amendment with a
 * reason, sent under the coordinator's own token: the live trigger never amends, since its editor is
 * whoever Apps Script reported. The coordinator types the new value (the trigger refuses it), then
 * selects the cell and gives the reason here; the backend decides whether the cell is locked and
 * whether the caller may amend it, and its answer is what the cell shows.
 */
export function menuAmendLockedCell(): void {
  try {
    const api = coordinatorApi('Amend locked cell', 'amends a cell of a locked period');
    if (api === undefined) return;
    const spreadsheet = activeSpreadsheet();
    const metrics = findMetricsSheet(spreadsheet);
    if (metrics === undefined) {
      alertUser(NO_METRICS_TAB);
      return;
    }
    const range = spreadsheet.getActiveRange();
    if (
      range === null ||
      range.getSheet().getSheetId() !== metrics.getSheetId() ||
      range.getNumRows() !== 1 ||
      range.getNumColumns() !== 1
    ) {
      alertUser(SELECT_ONE_CELL);
      return;
    }
    const tab = readMetricsTabAcross(metrics, range);
    const box = { row: range.getRow(), column: range.getColumn(), numRows: 1, numColumns: 1 };
    const [cell] = valueCellsIn(tab.grid, box, range.getValues(), spreadsheet.getSpreadsheetTimeZone());
    if (cell === undefined) {
      alertUser(`${range.getA1Notation()} holds no installation's value for a period. ${SELECT_ONE_CELL}`);
      return;
    }
    const { submission } = cell;
    const change = submission.raw === null ? 'is cleared' : `becomes ${shown(submission.raw)}`;
    const reason = askUser(
      'Amend locked cell',
      `${submission.periodId} of "${submission.installationId}" / "${submission.metricId}" (${cell.a1}) ${change}. Why? The next report lists the amendment with this reason.`,
    );
    if (reason === undefined || reason === '') return;

    // The document lock orders this paint after any live edit of the same cell still being painted.
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(30_000)) {
      alertUser(
        `${cell.a1} was not amended: another edit is being checked right now. Try again in a moment.`,
      );
      return;
    }
    try {
      const answer = api.postEntries([{ ...submission, amendmentReason: reason }], undefined, uniqueId());
      if (answer.kind !== 'ok') {
        alertUser(`${cell.a1} was not amended: ${answer.message}`);
        return;
      }
      const outcome = answer.value.outcomes[0];
      paintCells(metrics, [
        { row: cell.row, column: cell.column, paint: paintForAnswer(outcome, submission.raw) },
      ]);
      if (outcome === undefined) {
        alertUser(`${cell.a1} was not amended: the backend gave no answer for this cell.`);
      } else if (outcome.status === 'rejected') {
        alertUser(`${cell.a1} was not amended: ${outcome.message}`);
      } else if (outcome.amendment === undefined) {
        alertUser(
          `${submission.periodId} is not locked, so ${cell.a1} was taken as an ordinary edit (${outcome.status}); no amendment was recorded.`,
        );
      } else {
        alertUser(
          `${cell.a1} is amended (${outcome.status}): ${submission.periodId} of "${submission.installationId}" / "${submission.metricId}" ${change}, because "${outcome.amendment.reason}". The cell's history keeps the amendment, and the next report of its window lists it.`,
        );
      }
    } finally {
      lock.releaseLock();
    }
  } catch (error) {
    alertUser(messageOf(error));
  }
}
