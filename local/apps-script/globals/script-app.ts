import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TriggerView } from '../host-views';
import { enumOf, type ScriptContext, strict } from './script-context';

const USERINFO_EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

/**
 * The scopes appsscript.json grants: getIdentityToken answers null without `openid`, and its token
 * carries the e-mail only with `userinfo.email`, as in Apps Script.
 */
export const grantedScopes = (ctx: ScriptContext): string[] => {
  const file = join(ctx.services.distDir, 'appsscript.json');
  if (!existsSync(file)) {
    throw ctx.fail(
      `ScriptApp.getIdentityToken: no appsscript.json in ${ctx.services.distDir}, so the va-assess Apps Script double cannot tell whether the openid scope is granted`,
    );
  }
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { oauthScopes?: unknown };
  return Array.isArray(manifest.oauthScopes) ? manifest.oauthScopes.map(String) : [];
};

export const triggerFacade = (ctx: ScriptContext, view: TriggerView) =>
  strict(ctx.services, 'Trigger', {
    getUniqueId: () => view.uniqueId,
    getHandlerFunction: () => view.handlerFunction,
    getEventType: () => view.eventType,
    getTriggerSource: () => view.triggerSource,
    getTriggerSourceId: () => view.triggerSourceId,
  });

/** ScriptApp: identity tokens, authorisation status and installable triggers, answered by the host. */
export const ScriptApp = (ctx: ScriptContext) =>
  strict(ctx.services, 'ScriptApp', {
    AuthMode: enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'),
    AuthorizationStatus: enumOf('REQUIRED', 'NOT_REQUIRED'),
    EventType: enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'),
    TriggerSource: enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'),
    getScriptId: () => 'local-va-assess-addon',
    getIdentityToken: () => {
      const scopes = grantedScopes(ctx);
      if (!scopes.includes('openid')) return null;
      return ctx.call('script.identityToken', scopes.includes(USERINFO_EMAIL_SCOPE));
    },
    getAuthorizationInfo: () => {
      const status = ctx.call('script.authorizationStatus');
      return strict(ctx.services, 'AuthorizationInfo', {
        getAuthorizationStatus: () => status,
        getAuthorizationUrl: () =>
          status === 'REQUIRED' ? 'https://script.google.com/local-authorization' : null,
      });
    },
    newTrigger: (handler: string) =>
      strict(ctx.services, 'TriggerBuilder', {
        forSpreadsheet: (target: string | { getId(): string }) => {
          const spreadsheetId = typeof target === 'string' ? target : String(target.getId());
          const create = (eventType: string) => () =>
            triggerFacade(ctx, ctx.call('script.newTrigger', String(handler), { eventType, spreadsheetId }));
          return strict(ctx.services, 'SpreadsheetTriggerBuilder', {
            onEdit: () => strict(ctx.services, 'SpreadsheetTriggerBuilder', { create: create('ON_EDIT') }),
            onOpen: () => strict(ctx.services, 'SpreadsheetTriggerBuilder', { create: create('ON_OPEN') }),
            onChange: () =>
              strict(ctx.services, 'SpreadsheetTriggerBuilder', { create: create('ON_CHANGE') }),
          });
        },
      }),
    getUserTriggers: (spreadsheet: { getId(): string }) =>
      ctx.call('script.userTriggers', String(spreadsheet.getId())).map((item) => triggerFacade(ctx, item)),
    getProjectTriggers: () => ctx.call('script.userTriggers', null).map((item) => triggerFacade(ctx, item)),
    deleteTrigger: (trigger: { getUniqueId(): string }) => {
      ctx.call('script.deleteTrigger', String(trigger.getUniqueId()));
    },
  });
