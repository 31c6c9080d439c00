import type { ApiClient } from '../core/api-client';
import { alertUser, apiFor } from './apps-script';
import { requireSettings } from './settings';

/**
 * The backend's client when the person running `action` is a coordinator of the project; otherwise
 * they are told why (the backend decides who is one) and nothing is asked of them.
 * `onlyCoordinators` completes "Only a coordinator of project "x" …", e.g. "reminds partners".
 */
export function coordinatorApi(action: string, onlyCoordinators: string): ApiClient | undefined {
  const settings = requireSettings();
  const api = apiFor(settings);
  const access = api.access();
  if (access.kind !== 'ok') {
    alertUser(`${action} is not available: ${access.message}`);
    return undefined;
  }
  if (access.value.role !== 'coordinator') {
    const who = access.value.role === 'partner' ? 'a partner' : 'not a member of the project';
    alertUser(
      `Only a coordinator of project "${settings.projectId}" ${onlyCoordinators}. ${access.value.email} is ${who}.`,
    );
    return undefined;
  }
  return api;
}
