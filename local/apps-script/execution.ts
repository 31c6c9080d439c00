/** Signs identity tokens as ScriptApp.getIdentityToken() returns them (the tests' own key pair). */
export interface IdentityTokenSigner {
  sign(claims: Record<string, unknown>): string;
}

/** One run of Apps Script code: who it runs as and what it holds, as the main thread tracks it. */
export interface Execution {
  id: number;
  spreadsheetId: string;
  /** Session.getActiveUser(). */
  activeUser: string;
  /** Session.getEffectiveUser(): whose permissions, token and triggers apply. */
  effectiveUser: string;
  triggerUid?: string;
  /**
   * How it started: a person's click or page call ('user', the default), a simple trigger (onOpen:
   * AuthMode.LIMITED, no service that needs authorisation), or an installable trigger (no UI).
   */
  mode?: 'user' | 'simple-trigger' | 'installable-trigger';
  activeSheetId?: number;
  heldLocks: Set<string>;
}

/** The three scopes of PropertiesService, CacheService and LockService; anything else is the script's. */
export type ServiceScope = 'document' | 'user' | 'script';

/** Whose store or lock a scope names for this execution: the document, the effective user, or the script. */
export function scopeOwner(execution: Execution, scope: string): { scope: ServiceScope; owner: string } {
  if (scope === 'document') return { scope, owner: execution.spreadsheetId };
  if (scope === 'user') return { scope, owner: execution.effectiveUser };
  return { scope: 'script', owner: 'script' };
}

/** "document:<spreadsheet id>", "user:<email>" or "script": how caches and locks are keyed. */
export function scopeKey(execution: Execution, scope: string): string {
  const named = scopeOwner(execution, scope);
  return named.scope === 'script' ? 'script' : `${named.scope}:${named.owner}`;
}

/**
 * A simple trigger runs with AuthMode.LIMITED: services that need the user's authorisation throw
 * (https://developers.google.com/apps-script/guides/triggers#restrictions: simple triggers "cannot
 * access services that require authorization"), with Apps Script's usual wording.
 */
export const notAuthorizedInSimpleTrigger = (method: string, scope: string) =>
  `You do not have permission to call ${method}. Required permissions: ${scope}`;
