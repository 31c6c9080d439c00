/**
 * The backend a build of the add-on can reach. Apps Script lets UrlFetchApp fetch only the URL
 * prefixes the manifest's urlFetchWhitelist lists (https, each with a path), and the build writes one:
 * its --url-prefix. A backend outside it would be "unreachable" on every call and leave cells grey for
 * good, so Settings refuse it with a sentence instead of saving it.
 */

/** Whether requests under `backendUrl` (as `${backendUrl}/path`) fall under the allowlisted `prefix`. */
export function builtPrefixAdmits(prefix: string, backendUrl: string): boolean {
  const base = `${backendUrl.trim().replace(/\/+$/, '')}/`;
  const wildcard = /^https:\/\/\*\.([^/]+)(\/.*)$/.exec(prefix);
  if (wildcard === null) return base.toLowerCase().startsWith(prefix.toLowerCase().replace(/\/*$/, '/'));
  const [, domain = '', path = '/'] = wildcard;
  const url = /^https:\/\/([^/]+)(\/.*)$/.exec(base);
  if (url === null) return false;
  const [, host = '', rest = '/'] = url;
  return (
    host.toLowerCase().endsWith(`.${domain.toLowerCase()}`) && rest.startsWith(path.replace(/\/*$/, '/'))
  );
}

/** The backend a person would type for a prefix: "https://api.example.org/" → "https://api.example.org". */
export const backendOfPrefix = (prefix: string): string =>
  prefix.includes('*') ? '' : prefix.replace(/\/+$/, '');

/** '' when the build can reach `backendUrl`; else the sentence Settings show. */
export function builtBackendProblem(prefix: string, backendUrl: string): string {
  if (builtPrefixAdmits(prefix, backendUrl)) return '';
  return `Backend URL: this copy of the add-on was built for ${prefix} and Google lets it reach nothing else, so it cannot use "${backendUrl}". Another backend means another build of the add-on (npm run build:addon -- --url-prefix <backend>/), deployed for this spreadsheet.`;
}
