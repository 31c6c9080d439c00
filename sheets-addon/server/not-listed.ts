import type { ApiClient } from '../core/api-client';
import { activeSpreadsheet } from './apps-script';
import { removeEditorProof, writeEditorProof } from './editor-proof';

/**
 * The coordinators' addresses for someone the configuration does not list. The backend gives them only
 * to an editor of the project's bound spreadsheet who proves it (as the binding does: a one-time value
 * written as DOCUMENT developer metadata, which only an editor can write, read back by the backend),
 * so strangers learn nothing. The value is removed again here. Empty when the proof fails.
 */
function coordinatorsShownToEditor(api: ApiClient): string[] {
  const spreadsheet = activeSpreadsheet();
  const spreadsheetId = spreadsheet.getId();
  const challenge = api.contactsChallenge(spreadsheetId);
  if (challenge.kind !== 'ok') return [];
  const { metadataKey, nonce } = challenge.value;
  if (metadataKey === undefined || nonce === undefined) return [];
  const proof = { metadataKey, nonce };
  writeEditorProof(spreadsheet, proof);
  try {
    const contacts = api.contacts(spreadsheetId);
    return contacts.kind === 'ok' ? contacts.value.coordinators : [];
  } finally {
    removeEditorProof(spreadsheet, proof);
  }
}

/** The spreadsheet's owner, as Google shows it to every editor ('' in a shared drive, which has none). */
function ownerOfSpreadsheet(): string {
  try {
    return activeSpreadsheet().getOwner()?.getEmail() ?? '';
  } catch {
    return '';
  }
}

/** What a person who can open the spreadsheet but is not listed in the project is told: whom to ask, and what. */
export function notListedAdvice(api: ApiClient, email: string, projectId: string): string {
  const coordinators = coordinatorsShownToEditor(api);
  const owner = coordinators.length === 0 ? ownerOfSpreadsheet() : '';
  const whom =
    coordinators.length > 0
      ? `a coordinator (${coordinators.join(', ')})`
      : owner === ''
        ? 'the coordinator who shared this spreadsheet with you'
        : `the coordinator (this spreadsheet belongs to ${owner})`;
  return `${email} is neither a coordinator nor a partner of "${projectId}": ask ${whom} to add exactly ${email} as an editor of your installation in the project's configuration. The address must be the Google account you open this spreadsheet with; if you have several, switch to the listed one.`;
}
