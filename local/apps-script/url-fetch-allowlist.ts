/**
 * The manifest's `urlFetchWhitelist`, as Google documents it
 * (https://developers.google.com/apps-script/manifest/allowlist-url):
 * - each prefix is a valid https:// URL with a full domain and a non-empty path ("https://a.org/" is
 *   valid, "https://a.org" is not); a leading "*." matches subdomains;
 * - a URL matches when it equals the prefix or is a child of it; path matching is case-sensitive.
 * A URL outside every prefix throws the error Apps Script gives ("Request to … failed because the URL
 * has not been whitelisted in the script manifest.", as users report it: e.g.
 * github.com/grahamearley/FirestoreGoogleAppsScript/issues/135).
 *
 * Where Google leaves it open, the stricter reading: a project without the field fetches nothing (the
 * field is required for a versioned deployment, which is how an add-on ships); "*.a.org" does not
 * match "a.org" itself; "https://a.org/foo" does not match "https://a.org/foobar".
 */
export interface UrlAllowlist {
  /** The first problem with the manifest's list, or '' when every entry is valid. */
  readonly problem: string;
  admits(url: string): boolean;
}

interface Entry {
  wildcard: boolean;
  host: string;
  port: string;
  path: string;
}

function parseEntry(entry: string): Entry | string {
  const match = /^https:\/\/(\*\.)?([^/?#]+)(\/[^?#]*)$/.exec(entry);
  if (match === null) {
    return `urlFetchWhitelist entry "${entry}" is invalid: each prefix must use https:// and have a full domain and a non-empty path, e.g. https://api.example.org/`;
  }
  const [, star, authority = '', path = '/'] = match;
  const [host = '', port = ''] = authority.toLowerCase().split(/:(?=\d+$)/);
  return { wildcard: star !== undefined, host, port, path };
}

function matches(entry: Entry, url: URL): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const hostOk = entry.wildcard
    ? host.endsWith(`.${entry.host}`)
    : host === entry.host.replace(/^\[|\]$/g, '');
  if (!hostOk || url.port !== entry.port) return false;
  const path = url.pathname;
  if (path === entry.path) return true;
  if (!path.startsWith(entry.path)) return false;
  return entry.path.endsWith('/') || path[entry.path.length] === '/';
}

export function urlAllowlistOf(manifest: { urlFetchWhitelist?: unknown }): UrlAllowlist {
  const list = manifest.urlFetchWhitelist;
  if (!Array.isArray(list)) {
    return {
      problem:
        'the manifest (appsscript.json) has no urlFetchWhitelist: a versioned add-on must list the URL prefixes it fetches',
      admits: () => false,
    };
  }
  const entries: Entry[] = [];
  for (const item of list) {
    const parsed = parseEntry(String(item));
    if (typeof parsed === 'string') return { problem: parsed, admits: () => false };
    entries.push(parsed);
  }
  return {
    problem: '',
    admits: (text) => {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        return false;
      }
      return url.protocol === 'https:' && entries.some((entry) => matches(entry, url));
    },
  };
}

export const notAllowlisted = (url: string): string =>
  `Request to ${url} failed because the URL has not been whitelisted in the script manifest.`;
