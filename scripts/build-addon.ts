/**
 * npm run build:addon [-- --url-prefix https://api.example.org/]
 * Bundles sheets-addon/ into sheets-addon/dist/ as Apps Script wants it: one Code.js where every
 * function Apps Script calls by name is a top-level function (no export, import or require), the
 * HTML pages, and appsscript.json with the least scopes that work.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runInNewContext } from 'node:vm';
import { buildSync } from 'esbuild';

const ADDON = join(__dirname, '..', 'sheets-addon');
export const ADDON_DIST = join(ADDON, 'dist');
const BUNDLE_GLOBAL = '__vaAssessAddon';

/** Exactly these, nothing broader: see sheets-addon/README.md for what each one is for. */
export const ADDON_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.external_request',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.send_mail',
  'openid',
  'https://www.googleapis.com/auth/userinfo.email',
];

/** A placeholder that matches no real host: set the real backend with --url-prefix when deploying. */
export const PLACEHOLDER_URL_PREFIX = 'https://va-assess-backend.invalid/';

function manifest(urlPrefix: string): string {
  return `${JSON.stringify(
    {
      timeZone: 'Etc/UTC',
      runtimeVersion: 'V8',
      exceptionLogging: 'STACKDRIVER',
      oauthScopes: ADDON_SCOPES,
      urlFetchWhitelist: [urlPrefix],
    },
    null,
    2,
  )}\n`;
}

/** The names the bundle exports, read by running it once with no Apps Script global at all. */
function exportedNames(bundle: string): string[] {
  const context: Record<string, unknown> = {};
  runInNewContext(`${bundle}\nthis.${BUNDLE_GLOBAL} = ${BUNDLE_GLOBAL};`, context);
  const api = context[BUNDLE_GLOBAL] as Record<string, unknown>;
  return Object.keys(api).filter((name) => typeof api[name] === 'function');
}

/** The name the bundle reads its built backend from (sheets-addon/server/built-backend.ts). */
const BUILT_PREFIX_NAME = '__VA_ASSESS_URL_PREFIX__';

export function buildAddon(options: { urlPrefix?: string; outDir?: string } = {}): {
  files: string[];
  globals: string[];
} {
  const urlPrefix = options.urlPrefix ?? PLACEHOLDER_URL_PREFIX;
  const outDir = options.outDir ?? ADDON_DIST;
  if (!/^https:\/\/[^/]+\/.*$/.test(urlPrefix)) {
    throw new Error(
      `--url-prefix: found "${urlPrefix}", expected an https prefix ending with "/", e.g. https://api.example.org/`,
    );
  }
  const result = buildSync({
    entryPoints: [join(ADDON, 'server', 'main.ts')],
    bundle: true,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    platform: 'neutral',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    // Settings refuse a backend the manifest's urlFetchWhitelist would not let UrlFetchApp reach.
    define: { [BUILT_PREFIX_NAME]: JSON.stringify(urlPrefix) },
  });
  const bundle = result.outputFiles[0]?.text ?? '';
  const globals = exportedNames(bundle);
  // Apps Script finds menu items, triggers and google.script.run endpoints by top-level function name.
  const stubs = globals
    .map((name) => `function ${name}() {\n  return ${BUNDLE_GLOBAL}.${name}.apply(this, arguments);\n}`)
    .join('\n');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const code = `// Built by scripts/build-addon.ts from sheets-addon/: do not edit.\n${bundle}\n${stubs}\n`;
  writeFileSync(join(outDir, 'Code.js'), code);
  writeFileSync(join(outDir, 'appsscript.json'), manifest(urlPrefix));
  const pages = readdirSync(join(ADDON, 'client')).filter((name) => name.endsWith('.html'));
  for (const page of pages) copyFileSync(join(ADDON, 'client', page), join(outDir, page));
  return { files: ['Code.js', 'appsscript.json', ...pages], globals };
}

/**
 * The add-on built for one backend (e.g. https://127.0.0.1:40123), in a folder of its own: its
 * manifest lets UrlFetchApp reach that backend and nothing else, as a deployed build would.
 */
export function buildAddonForBackend(backendUrl: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'addon-dist-'));
  buildAddon({ urlPrefix: `${backendUrl.replace(/\/+$/, '')}/`, outDir: dir });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

if (require.main === module) {
  const { values } = parseArgs({ options: { 'url-prefix': { type: 'string' } } });
  const built = buildAddon(values['url-prefix'] === undefined ? {} : { urlPrefix: values['url-prefix'] });
  console.log(`sheets-addon/dist: ${built.files.join(', ')}\nglobals: ${built.globals.join(', ')}`);
}
