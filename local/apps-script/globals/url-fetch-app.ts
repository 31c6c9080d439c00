/// <reference types="google-apps-script" />
import { type ScriptContext, strict } from './script-context';

const URL_FETCH_OPTIONS = new Set([
  'contentType',
  'headers',
  'method',
  'payload',
  'useIntranet',
  'validateHttpsCertificates',
  'followRedirects',
  'muteHttpExceptions',
  'escaping',
]);
const URL_FETCH_METHODS = new Set(['get', 'delete', 'patch', 'post', 'put']);

import { toSignedBytes } from './utilities';

/** UrlFetchApp: the host makes the request (allowlist, quota, TLS); options Apps Script lacks are refused here. */
export const UrlFetchApp = (ctx: ScriptContext) =>
  strict(ctx.services, 'UrlFetchApp', {
    fetch: (url: string, params: Record<string, unknown> = {}) => {
      checkFetchOptions(ctx, params);
      const answer = ctx.call('url.fetch', String(url), { ...params });
      return strict(ctx.services, 'HTTPResponse', {
        getResponseCode: () => answer.status,
        getContentText: () => answer.text,
        getContent: () => toSignedBytes(Buffer.from(answer.text, 'utf8')),
        getHeaders: () => ({ ...answer.headers }),
        getAllHeaders: () => ({ ...answer.headers }),
      } satisfies Partial<GoogleAppsScript.URL_Fetch.HTTPResponse>);
    },
  });

/**
 * Apps Script ignores an option it does not know (a `timeout`, say, has no effect: its deadline is
 * fixed), so code relying on one would work here and not there: the double refuses it instead.
 */
export const checkFetchOptions = (ctx: ScriptContext, params: Record<string, unknown>) => {
  for (const name of Object.keys(params)) {
    if (!URL_FETCH_OPTIONS.has(name)) {
      throw ctx.fail(
        `UrlFetchApp.fetch: "${name}" is not an Apps Script option (Apps Script ignores it); expected one of ${[...URL_FETCH_OPTIONS].join(', ')}`,
      );
    }
  }
  const method = params.method;
  if (method !== undefined && !URL_FETCH_METHODS.has(String(method).toLowerCase())) {
    throw ctx.fail(
      `Invalid argument: method (found "${String(method)}", expected get, delete, patch, post or put)`,
    );
  }
};
