/**
 * The one way partners in other organisations get the va-assess menu: the add-on's bundle pushed as
 * a script BOUND to the consortium's spreadsheet (container-bound, see
 * https://developers.google.com/apps-script/guides/bound). Everyone who can edit that spreadsheet
 * sees the menu under Extensions and runs it under their own Google account; nothing is installed
 * per person. The alternatives are not used: a public Editor add-on must pass Google's review before
 * anyone outside the developer's domain may install it, and a private Google Workspace Marketplace
 * listing is visible to one Workspace domain only, while a consortium spans several organisations.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAddon } from './build-addon';

export interface BoundScriptTarget {
  /** The bound script's id (Apps Script editor › Project Settings › Script ID). */
  scriptId: string;
  /** The spreadsheet the script is bound to: the id in its URL, /spreadsheets/d/<id>/edit. */
  spreadsheetId: string;
  /** The backend UrlFetchApp may call, https, ending with "/". */
  urlPrefix: string;
}

/** Where each value comes from when not passed as an argument: nothing real is ever in the repository. */
export const BOUND_SCRIPT_ENV = {
  scriptId: 'VA_ASSESS_SCRIPT_ID',
  spreadsheetId: 'VA_ASSESS_SPREADSHEET_ID',
  urlPrefix: 'VA_ASSESS_URL_PREFIX',
} as const;

const ARGUMENT = { scriptId: '--script-id', spreadsheetId: '--spreadsheet-id', urlPrefix: '--url-prefix' };

/** Script and Drive file ids: letters, digits, "-" and "_" (Google's own ids are 25 characters or more). */
const GOOGLE_ID = /^[A-Za-z0-9_-]{20,}$/;

/** Arguments first, then the environment; every missing or malformed value named in one error. */
export function boundScriptTarget(
  args: Partial<Record<keyof BoundScriptTarget, string | undefined>>,
  env: Record<string, string | undefined>,
): BoundScriptTarget {
  const value = (key: keyof BoundScriptTarget) => (args[key] ?? env[BOUND_SCRIPT_ENV[key]] ?? '').trim();
  const target = {
    scriptId: value('scriptId'),
    spreadsheetId: value('spreadsheetId'),
    urlPrefix: value('urlPrefix'),
  };
  const problems: string[] = [];
  for (const key of ['scriptId', 'spreadsheetId'] as const) {
    if (target[key] === '') problems.push(`${ARGUMENT[key]} (or ${BOUND_SCRIPT_ENV[key]}): missing`);
    else if (!GOOGLE_ID.test(target[key]))
      problems.push(
        `${ARGUMENT[key]} (or ${BOUND_SCRIPT_ENV[key]}): found "${target[key]}", expected a Google id (20 or more letters, digits, - or _)`,
      );
  }
  if (!/^https:\/\/[^/]+\/.*$/.test(target.urlPrefix))
    problems.push(
      `${ARGUMENT.urlPrefix} (or ${BOUND_SCRIPT_ENV.urlPrefix}): found "${target.urlPrefix}", expected the backend as an https prefix ending with "/", e.g. https://api.example.org/`,
    );
  if (problems.length > 0) throw new Error(`deploy:addon cannot start:\n- ${problems.join('\n- ')}`);
  return target;
}

/**
 * Builds the bundle into <projectDir>/dist and writes <projectDir>/.clasp.json for clasp 3: the
 * script to push to, its container (parentId, which `clasp open-container` opens) and the folder to
 * push. The manifest is the build's: a bound script needs no `addOns` section (that is for Google
 * Workspace add-ons; Editor add-ons and bound scripts have none), and `spreadsheets.currentonly`
 * means "the spreadsheet the script is bound to" for a bound script, as it means "the spreadsheet
 * the add-on runs in" for an add-on.
 */
export function prepareBoundScript(target: BoundScriptTarget, projectDir: string): { files: string[] } {
  const built = buildAddon({ urlPrefix: target.urlPrefix, outDir: join(projectDir, 'dist') });
  const clasp = { scriptId: target.scriptId, parentId: target.spreadsheetId, rootDir: 'dist' };
  writeFileSync(join(projectDir, '.clasp.json'), `${JSON.stringify(clasp, null, 2)}\n`);
  return { files: ['.clasp.json', ...built.files.map((file) => `dist/${file}`)] };
}
