import type { ProjectConfig } from '../../domain/config/project-config-schema';

/**
 * Who alone could have typed into an installation's value cells: the editors the configuration puts
 * on the protection covering its rows (its own editors and the coordinators; the service account
 * writes through the API, which fires no edit trigger). Lowercased, deduplicated, sorted. Undefined
 * for an installation the configuration does not know: nobody's protection covers it.
 *
 * Read from the configuration, never the sheet: an editor of the sheet may change its protections.
 */
export function possibleEditorsOf(config: ProjectConfig, installationId: string): string[] | undefined {
  const installation = config.installations.find((item) => item.id === installationId);
  if (installation === undefined) return undefined;
  return [
    ...new Set(
      [...installation.editors, ...config.project.coordinators].map((email) => email.trim().toLowerCase()),
    ),
  ]
    .filter(Boolean)
    .sort();
}

/** How the history names who typed: the editor, "one of a@x, b@y", or "unknown". */
export function editorLabel(editor: string | null, possibleEditors: readonly string[] | undefined): string {
  if (editor !== null) return editor;
  if (possibleEditors === undefined || possibleEditors.length === 0) return 'unknown';
  if (possibleEditors.length === 1) return possibleEditors[0] ?? 'unknown';
  return `one of ${possibleEditors.join(', ')}`;
}
