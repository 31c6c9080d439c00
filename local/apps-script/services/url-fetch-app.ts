import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { DailyQuotaLedger } from '../daily-quotas';
import { type Execution, notAuthorizedInSimpleTrigger } from '../execution';
import type { FetchRecord } from '../host-views';
import { notAllowlisted, urlAllowlistOf } from '../url-fetch-allowlist';

export interface UrlFetcherOptions {
  /** The project's manifest (appsscript.json) as it is now: UrlFetchApp obeys its urlFetchWhitelist. */
  manifest: () => { urlFetchWhitelist?: unknown };
  /** PEM certificates trusted besides the public CAs (a local backend's self-signed one). */
  trustedCertificates: readonly string[];
  /** UrlFetchApp's deadline; Apps Script's own is about 60 s. */
  fetchTimeoutMs: number;
}

interface FetchAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** UrlFetchApp's requests, made for real over TLS within the manifest's allowlist, and recorded. */
export class UrlFetcher {
  readonly fetches: FetchRecord[] = [];

  constructor(private readonly options: UrlFetcherOptions) {}

  async fetch(url: string, params: Record<string, unknown>): Promise<FetchAnswer> {
    const allowlist = urlAllowlistOf(this.options.manifest());
    if (allowlist.problem !== '') throw new Error(allowlist.problem);
    if (!allowlist.admits(url)) throw new Error(notAllowlisted(url));
    let method = String(params.method ?? 'get').toUpperCase();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(
      (params.headers as Record<string, unknown> | undefined) ?? {},
    )) {
      headers[name] = String(value);
    }
    let body: string | undefined;
    const payload = params.payload;
    if (payload !== undefined && payload !== null) {
      if (typeof payload === 'string') body = payload;
      else if (typeof payload === 'object' && !Array.isArray(payload)) {
        body = new URLSearchParams(
          Object.entries(payload).map(([k, v]): [string, string] => [k, String(v)]),
        ).toString();
        headers['content-type'] ??= 'application/x-www-form-urlencoded';
      } else {
        throw new Error(
          'UrlFetchApp.fetch with a byte-array payload is not implemented by the va-assess Apps Script double',
        );
      }
      headers['content-type'] = String(
        params.contentType ?? headers['content-type'] ?? 'application/x-www-form-urlencoded',
      );
    }
    const record: FetchRecord = { method, url, ...(body === undefined ? {} : { body }) };
    this.fetches.push(record);
    let target = url;
    for (let hops = 0; ; hops += 1) {
      let answer: FetchAnswer;
      try {
        answer = await this.httpsExchange(
          target,
          method,
          headers,
          body,
          params.validateHttpsCertificates !== false,
        );
      } catch (error) {
        const timedOut =
          error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        record.error = timedOut ? 'timeout' : 'unreachable';
        throw new Error(timedOut ? `Timeout: ${target}` : `Address unavailable: ${target}`);
      }
      const location = answer.headers.location;
      if (params.followRedirects !== false && answer.status >= 300 && answer.status < 400 && location) {
        if (hops >= 10) throw new Error(`Too many redirects: ${url}`);
        target = new URL(location, target).toString();
        // Unknown whether Apps Script checks a redirect's target against the allowlist: the double does.
        if (!allowlist.admits(target)) throw new Error(notAllowlisted(target));
        if (answer.status === 303 || (answer.status !== 307 && answer.status !== 308 && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      record.status = answer.status;
      if (answer.status >= 400 && params.muteHttpExceptions !== true) {
        throw new Error(
          `Request failed for ${url} returned code ${answer.status}. Truncated server response: ${answer.text.slice(0, 200)} (use muteHttpExceptions option to examine full response)`,
        );
      }
      return answer;
    }
  }

  /** One request over TLS, trusting the public CAs and the certificate the sandbox was given. */
  private httpsExchange(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    validateCertificates: boolean,
  ): Promise<FetchAnswer> {
    return new Promise((resolve, reject) => {
      const request = httpsRequest(
        url,
        {
          method,
          headers: {
            ...headers,
            ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }),
          },
          ...(this.options.trustedCertificates.length === 0
            ? {}
            : { ca: [...rootCertificates, ...this.options.trustedCertificates] }),
          rejectUnauthorized: validateCertificates,
          signal: AbortSignal.timeout(this.options.fetchTimeoutMs),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const answerHeaders: Record<string, string> = {};
            for (const [name, value] of Object.entries(response.headers)) {
              if (value !== undefined) answerHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
            }
            resolve({
              status: response.statusCode ?? 0,
              headers: answerHeaders,
              text: Buffer.concat(chunks).toString('utf8'),
            });
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }
}

/** The host's side of UrlFetchApp: refused in a simple trigger, counted against the user's quota. */
export function urlFetchOperations(fetcher: UrlFetcher, quotas: DailyQuotaLedger) {
  return {
    'url.fetch': (execution: Execution, url: string, params: Record<string, unknown>) => {
      if (execution.mode === 'simple-trigger') {
        throw new Error(
          notAuthorizedInSimpleTrigger(
            'UrlFetchApp.fetch',
            'https://www.googleapis.com/auth/script.external_request',
          ),
        );
      }
      quotas.countUrlFetch(execution.effectiveUser);
      return fetcher.fetch(url, params);
    },
  };
}
