import type { BackendSettings } from '../core/api-client';
import { backendOfPrefix, builtBackendProblem } from '../core/built-backend';
import { documentProperties } from './apps-script';
import { builtUrlPrefix } from './built-backend';

const KEYS = { backendUrl: 'va-assess.backendUrl', projectId: 'va-assess.projectId' } as const;
const NAMES_KEY = 'va-assess.installationNames';

/** Thrown where a menu action needs the settings: the alert tells the person where to set them. */
export class MissingSettingsError extends Error {
  constructor() {
    super(
      'This sheet is not connected to va-assess yet: open Extensions › va-assess › Settings, enter the backend URL and the project id.',
    );
    this.name = 'MissingSettingsError';
  }
}

export function readSettings(): BackendSettings | undefined {
  const all = documentProperties().getAll();
  const backendUrl = all[KEYS.backendUrl] ?? '';
  const projectId = all[KEYS.projectId] ?? '';
  return backendUrl === '' || projectId === '' ? undefined : { backendUrl, projectId };
}

/** The backend this build reaches, as Settings show it ('' for a wildcard or outside a build). */
export function builtBackend(): string {
  return backendOfPrefix(builtUrlPrefix());
}

export function requireSettings(): BackendSettings {
  const settings = readSettings();
  if (settings === undefined) throw new MissingSettingsError();
  return settings;
}

/** Checks what a person typed; '' when fine, else the sentence to show next to the field. */
export function settingsProblem(settings: BackendSettings): string {
  if (!/^https:\/\/[^\s/]+/.test(settings.backendUrl.trim())) {
    return `Backend URL: found "${settings.backendUrl}", expected an https address such as https://api.example.org`;
  }
  const prefix = builtUrlPrefix();
  if (prefix !== '') {
    const problem = builtBackendProblem(prefix, settings.backendUrl);
    if (problem !== '') return problem;
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(settings.projectId.trim())) {
    return `Project id: found "${settings.projectId}", expected lower-case letters, digits and dashes, e.g. imagine`;
  }
  return '';
}

export function saveSettings(settings: BackendSettings): void {
  documentProperties().setAll({
    [KEYS.backendUrl]: settings.backendUrl.trim().replace(/\/+$/, ''),
    [KEYS.projectId]: settings.projectId.trim(),
  });
}

/** Installation names as the last /access answer gave them, so the sidebar shows names offline. */
export function rememberInstallationNames(installations: readonly { id: string; name: string }[]): void {
  const known = installationNames();
  for (const installation of installations) known.set(installation.id, installation.name);
  documentProperties().setAll({ [NAMES_KEY]: JSON.stringify(Object.fromEntries(known)) });
}

export function installationNames(): Map<string, string> {
  const text = documentProperties().getAll()[NAMES_KEY];
  if (text === undefined) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(text) as Record<string, string>));
  } catch {
    return new Map();
  }
}
