import type { ActingFor } from '../../contract/contract';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import type { Submitter } from '../../use-cases/submitter';
import { editableInstallations, isCoordinator, requireCoordinator, requireEditorOf } from './authorize';
import type { Identity } from './identity';
import { possibleEditorsOf } from './possible-editors';

/**
 * Plain callers: a partner writing another partner's installation is refused whole (403). Trigger
 * calls: only coordinators may send them (403 otherwise); with a named editor, cells outside that
 * editor's installations are refused one by one, so the rest of a paste still lands; without an
 * editor the sheet's protection is the guard, and the history records, per cell, the people that
 * protection lets type there ("one of …"), not the coordinator who owns the trigger.
 */
export function submitterOf(
  config: ProjectConfig,
  identity: Identity,
  actingFor: ActingFor | undefined,
  installationIds: readonly string[],
): Submitter {
  if (actingFor === undefined) {
    requireEditorOf(config, identity, installationIds);
    return {
      editor: identity.email,
      possibleEditors: new Map(),
      submittedBy: identity.email,
      via: 'direct',
      refused: new Set(),
    };
  }
  requireCoordinator(config, identity, "submit values on an editor's behalf (actingFor)");
  const base = { submittedBy: identity.email, via: actingFor.via, possibleEditors: new Map() };
  if (actingFor.editor === null) {
    const possibleEditors = new Map<string, readonly string[]>();
    for (const id of new Set(installationIds)) {
      const editors = possibleEditorsOf(config, id);
      if (editors !== undefined) possibleEditors.set(id, editors);
    }
    return { ...base, editor: null, possibleEditors, refused: new Set() };
  }
  const editor: Identity = { email: actingFor.editor, via: identity.via };
  if (isCoordinator(config, editor)) return { ...base, editor: editor.email, refused: new Set() };
  const known = new Set(config.installations.map((item) => item.id));
  const editable = editableInstallations(config, editor);
  const refused = new Set(installationIds.filter((id) => known.has(id) && !editable.has(id)));
  return { ...base, editor: editor.email, refused };
}
