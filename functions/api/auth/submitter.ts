import type { ProjectConfig } from '../../domain/config/project-config-schema';
import type { ActingFor, SubmissionVia } from '../contract';
import { editableInstallations, isCoordinator, requireCoordinator, requireEditorOf } from './authorize';
import type { Identity } from './identity';

/**
 * Whose permissions apply to a POST of entries, and what the history records. A caller writes as
 * itself; the document's trigger (a coordinator) writes on behalf of the editor Apps Script reported.
 */
export interface Submitter {
  /** Who typed the values; null when the trigger could not tell. */
  editor: string | null;
  /** The authenticated caller. */
  submittedBy: string;
  via: SubmissionVia;
  /**
   * Installations the editor may not write, refused cell by cell (the trigger's cells come from
   * whatever anyone typed in the sheet); empty for direct callers, who get a 403 instead.
   */
  refused: ReadonlySet<string>;
}

/**
 * Plain callers: a partner writing another partner's installation is refused whole (403). Trigger
 * calls: only coordinators may send them (403 otherwise); with a named editor, cells outside that
 * editor's installations are refused one by one, so the rest of a paste still lands; without an
 * editor the coordinator's permissions apply and the sheet's protection is the guard.
 */
export function submitterOf(
  config: ProjectConfig,
  identity: Identity,
  actingFor: ActingFor | undefined,
  installationIds: readonly string[],
): Submitter {
  if (actingFor === undefined) {
    requireEditorOf(config, identity, installationIds);
    return { editor: identity.email, submittedBy: identity.email, via: 'direct', refused: new Set() };
  }
  requireCoordinator(config, identity, "submit values on an editor's behalf (actingFor)");
  const base = { submittedBy: identity.email, via: actingFor.via };
  if (actingFor.editor === null) return { ...base, editor: null, refused: new Set() };
  const editor: Identity = { email: actingFor.editor, via: identity.via };
  if (isCoordinator(config, editor)) return { ...base, editor: editor.email, refused: new Set() };
  const known = new Set(config.installations.map((item) => item.id));
  const editable = editableInstallations(config, editor);
  const refused = new Set(installationIds.filter((id) => known.has(id) && !editable.has(id)));
  return { ...base, editor: editor.email, refused };
}
