/// <reference types="google-apps-script" />
import type { HttpPort } from '../core/api-client';
import { ApiClient, type BackendSettings } from '../core/api-client';
import type { PropertyStore } from '../core/property-store';

/**
 * The Apps Script services the add-on touches, behind the few functions below and in the other
 * server files; sheets-addon/README.md lists every one ("Apps Script services used").
 */

export function documentProperties(): PropertyStore {
  const properties = PropertiesService.getDocumentProperties();
  return {
    getAll: () => properties.getProperties(),
    setAll: (values) => {
      properties.setProperties(values);
    },
    remove: (key) => {
      properties.deleteProperty(key);
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** UrlFetchApp with muteHttpExceptions: any status comes back as an answer, only no answer throws. */
export const urlFetch: HttpPort = (request) => {
  try {
    const response = UrlFetchApp.fetch(request.url, {
      method: request.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
      contentType: 'application/json',
      headers: request.token === undefined ? {} : { Authorization: `Bearer ${request.token}` },
      ...(request.body === undefined ? {} : { payload: JSON.stringify(request.body) }),
      muteHttpExceptions: true,
    });
    return { kind: 'answered', status: response.getResponseCode(), text: response.getContentText() };
  } catch (error) {
    return { kind: 'unreachable', reason: `the backend could not be reached (${messageOf(error)})` };
  }
};

/** Every request carries the identity token of whoever runs this execution: the clicker, or the trigger's owner. */
export function apiFor(settings: BackendSettings): ApiClient {
  return new ApiClient(settings, urlFetch, () => ScriptApp.getIdentityToken());
}

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

export function alertUser(message: string): void {
  SpreadsheetApp.getUi().alert(message);
}

/** A prompt's text, trimmed, when the person pressed OK; undefined when they cancelled or closed it. */
export function askUser(title: string, question: string): string | undefined {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return undefined;
  return answer.getResponseText().trim();
}

/** Progress of long menu actions, in the corner of the sheet. */
export function toast(message: string, title = 'va-assess'): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, title, 10);
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function uniqueId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export { messageOf };
