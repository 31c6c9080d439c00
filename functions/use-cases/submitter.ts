import type { SubmissionVia } from '../contract/contract';

/**
 * Whose permissions apply to a POST of entries, and what the history records. A caller writes as
 * itself; the document's trigger (a coordinator) writes on behalf of the editor Apps Script reported.
 */
export interface Submitter {
  /** Who typed the values; null when the trigger could not tell. */
  editor: string | null;
  /**
   * With no editor: per installation, who alone could have typed there (possibleEditorsOf). The
   * trigger's owner is never taken for the editor: Apps Script leaves e.user blank for anyone outside
   * the owner's Google Workspace domain, i.e. nearly every partner of a consortium.
   */
  possibleEditors: ReadonlyMap<string, readonly string[]>;
  /** The authenticated caller. */
  submittedBy: string;
  via: SubmissionVia;
  /**
   * Installations the editor may not write, refused cell by cell (the trigger's cells come from
   * whatever anyone typed in the sheet); empty for direct callers, who get a 403 instead.
   */
  refused: ReadonlySet<string>;
}
