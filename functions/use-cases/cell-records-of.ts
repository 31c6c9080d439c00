import type { CellRecord } from '../domain/completeness/cell-record';
import type { ValidationIssue } from '../domain/validation/validation-outcome';
import type { StoredCell } from '../storage/entry-records';

const sentences = (issues: readonly ValidationIssue[] | undefined, severity: ValidationIssue['severity']) =>
  (issues ?? []).filter((issue) => issue.severity === severity).map((issue) => issue.message);

/**
 * A stored cell as the status reads it: what the sheet most likely shows. A newer refused input wins
 * over an older accepted value (the partner still has to correct it); a cleared value is empty.
 */
export function cellRecordOf(cell: StoredCell): CellRecord {
  const key = { installationId: cell.installationId, metricId: cell.metricId, periodId: cell.periodId };
  const { current, latest } = cell;
  if (latest !== null && latest.status === 'rejected') {
    // A refused input's editor sits in the cell's history only; the time is enough to chase it.
    return {
      ...key,
      state: 'rejected',
      reasons: sentences(latest.issues, 'error'),
      editor: null,
      editedAt: latest.submittedAt,
    };
  }
  if (current === null) return { ...key, state: 'empty', reasons: [], editor: null, editedAt: null };
  const edit = { editor: current.editor, editedAt: current.updatedAt };
  if (current.value === null) return { ...key, state: 'empty', reasons: [], ...edit };
  if (current.status === 'warning')
    return { ...key, state: 'warning', reasons: sentences(current.issues, 'warning'), ...edit };
  return { ...key, state: current.status === 'rejected' ? 'rejected' : 'accepted', reasons: [], ...edit };
}
