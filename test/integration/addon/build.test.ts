import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import {
  ADDON_DIST,
  ADDON_SCOPES,
  buildAddon,
  buildAddonForBackend,
  PLACEHOLDER_URL_PREFIX,
} from '../../../scripts/build-addon';

/** Only the services' names: loading the code must not call any of them. */
const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'ScriptApp',
  'UrlFetchApp',
  'MailApp',
  'PropertiesService',
  'LockService',
  'CacheService',
  'HtmlService',
  'Session',
  'Utilities',
  'Logger',
];

const MENU: [string, string][] = [
  ['Create project...', 'menuCreateProject'],
  ['Apply configuration', 'menuApplyConfiguration'],
  ['Set up reporting sheet', 'menuSetUpSheet'],
  ['Enable live validation', 'menuEnableLiveValidation'],
  ['Who cannot work yet...', 'menuWhoCannotWork'],
  ['Validate my rows', 'menuValidateMyRows'],
  ['Validate whole sheet', 'menuValidateWholeSheet'],
  ['Show problems', 'menuShowProblems'],
  ['Check completeness...', 'menuCheckCompleteness'],
  ['Compute summary...', 'menuComputeSummary'],
  ['Draft assessments...', 'menuDraftAssessments'],
  ['Generate report...', 'menuGenerateReport'],
  ['Lock period...', 'menuLockPeriod'],
  ['Reopen period...', 'menuReopenPeriod'],
  ['Amend locked cell...', 'menuAmendLockedCell'],
  ['EC portal table...', 'menuPortalTable'],
  ['Confirm my figures...', 'menuConfirmFigures'],
  ['Remind partners...', 'menuRemindPartners'],
  ['Sync pending edits', 'menuSyncPending'],
  ['Settings', 'menuSettings'],
  ['Help', 'menuHelp'],
];

const ENDPOINTS = [
  'onLiveEdit',
  'sidebarProblems',
  'sidebarStatus',
  'selectCell',
  'settingsLoad',
  'settingsSave',
  'settingsTestConnection',
  'periodDialogState',
  'runPeriodAction',
  'confirmFigures',
  'sidebarConfirmations',
  'portalTableLink',
  'remindersState',
  'remindersPrepare',
  'remindersSend',
];

let code = '';

beforeAll(() => {
  buildAddon();
  code = readFileSync(join(ADDON_DIST, 'Code.js'), 'utf8');
});

function freshContext(extra: Record<string, unknown> = {}) {
  const placeholders = Object.fromEntries(APPS_SCRIPT_GLOBALS.map((name) => [name, {}]));
  const context = createContext({ ...placeholders, ...extra });
  runInContext(code, context, { filename: 'Code.js' });
  return context as Record<string, unknown>;
}

describe('npm run build:addon', () => {
  it('leaves no export, import or require in Code.js', () => {
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toMatch(/^\s*import[\s{]/m);
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/\bfrom\s+['"]zod['"]/);
  });

  it('loads in a fresh vm context holding only Apps Script globals and defines every callback at top level', () => {
    const context = freshContext();
    for (const name of ['onOpen', 'onInstall', ...MENU.map(([, handler]) => handler), ...ENDPOINTS]) {
      expect({ name, type: typeof context[name] }).toEqual({ name, type: 'function' });
    }
    expect(code).toMatch(/^function onOpen\(\)/m);
    expect(code).toMatch(/^function onLiveEdit\(\)/m);
  });

  it('builds a menu on open whose every item calls a defined top-level function', () => {
    const items: [string, string][] = [];
    const menu = {
      addItem: (caption: string, handler: string) => {
        items.push([caption, handler]);
        return menu;
      },
      addSeparator: () => menu,
      addToUi: () => undefined,
    };
    const context = freshContext({ SpreadsheetApp: { getUi: () => ({ createAddonMenu: () => menu }) } });
    (context.onInstall as (event: unknown) => void)({ authMode: 'NONE' });
    expect(items).toEqual(MENU);
    for (const [, handler] of items) expect(typeof context[handler]).toBe('function');
  });

  it('writes a manifest with exactly the least scopes that work and the URL prefix', () => {
    const manifest = JSON.parse(readFileSync(join(ADDON_DIST, 'appsscript.json'), 'utf8'));
    expect([...manifest.oauthScopes].sort()).toEqual([...ADDON_SCOPES].sort());
    // Seven since Remind partners (script.send_mail); nothing reads mail (no gmail.*).
    expect(manifest.oauthScopes).toHaveLength(7);
    expect(manifest.oauthScopes.join(' ')).not.toMatch(
      /auth\/spreadsheets(?!\.currentonly)|drive|gmail|mail\.google\.com/,
    );
    expect(manifest.urlFetchWhitelist).toEqual([PLACEHOLDER_URL_PREFIX]);
    expect(manifest.runtimeVersion).toBe('V8');
  });

  it('ships the sidebar, settings, period-picker and report-link pages', () => {
    for (const page of ['sidebar.html', 'settings.html', 'period-picker.html']) {
      expect(readFileSync(join(ADDON_DIST, page), 'utf8')).toContain('google.script.run');
    }
    // The report's download dialog only closes itself; the server fills its link in.
    const reportLink = readFileSync(join(ADDON_DIST, 'report-link.html'), 'utf8');
    expect(reportLink).toContain('google.script.host.close()');
    expect(reportLink).toMatch(/<a [^>]*href="__REPORT_URL__"[^>]*target="_blank"/);
  });

  it('builds for one backend in a folder of its own: the manifest allowlists it, Settings know it', () => {
    const built = buildAddonForBackend('https://127.0.0.1:4443');
    try {
      const manifest = JSON.parse(readFileSync(join(built.dir, 'appsscript.json'), 'utf8'));
      expect(manifest.urlFetchWhitelist).toEqual(['https://127.0.0.1:4443/']);
      const context = createContext({ ...Object.fromEntries(APPS_SCRIPT_GLOBALS.map((name) => [name, {}])) });
      runInContext(readFileSync(join(built.dir, 'Code.js'), 'utf8'), context, { filename: 'Code.js' });
      const documentProperties = { getProperties: () => ({}) };
      (context as Record<string, unknown>).PropertiesService = {
        getDocumentProperties: () => documentProperties,
      };
      const settingsLoad = (context as Record<string, unknown>).settingsLoad as () => unknown;
      expect(settingsLoad()).toEqual({
        backendUrl: 'https://127.0.0.1:4443',
        projectId: '',
        builtFor: 'https://127.0.0.1:4443/',
      });
      // The shared build in sheets-addon/dist/ is left alone.
      expect(JSON.parse(readFileSync(join(ADDON_DIST, 'appsscript.json'), 'utf8')).urlFetchWhitelist).toEqual(
        [PLACEHOLDER_URL_PREFIX],
      );
    } finally {
      built.remove();
    }
  });

  it('refuses a URL prefix that is not https', () => {
    expect(() => buildAddon({ urlPrefix: 'http://api.example.org/' })).toThrow(/--url-prefix: found "http:/);
  });
});
