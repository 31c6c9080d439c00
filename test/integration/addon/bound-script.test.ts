import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOUND_SCRIPT_ENV, boundScriptTarget, prepareBoundScript } from '../../../scripts/bound-script';
import { ADDON_SCOPES } from '../../../scripts/build-addon';

/** Made-up ids of the right shape: the repository holds no real one. */
const SCRIPT_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_scriptid';
const SPREADSHEET_ID = '1ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210_sheetid';

describe('npm run deploy:addon prepares a script bound to the consortium spreadsheet', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bound-script-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes .clasp.json naming the script, its spreadsheet (parentId) and dist/, and the bundle in dist/', () => {
    const target = boundScriptTarget(
      { scriptId: SCRIPT_ID },
      {
        [BOUND_SCRIPT_ENV.spreadsheetId]: SPREADSHEET_ID,
        [BOUND_SCRIPT_ENV.urlPrefix]: 'https://api.example.org/',
      },
    );
    const { files } = prepareBoundScript(target, dir);
    expect(JSON.parse(readFileSync(join(dir, '.clasp.json'), 'utf8'))).toEqual({
      scriptId: SCRIPT_ID,
      parentId: SPREADSHEET_ID,
      rootDir: 'dist',
    });
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(
      files
        .filter((file) => file.startsWith('dist/'))
        .map((file) => file.slice('dist/'.length))
        .sort(),
    );
    expect(readdirSync(join(dir, 'dist'))).toEqual(expect.arrayContaining(['Code.js', 'appsscript.json']));
  });

  it('pushes a manifest a bound script runs with: the least scopes, the one backend, no add-on section', () => {
    prepareBoundScript(
      { scriptId: SCRIPT_ID, spreadsheetId: SPREADSHEET_ID, urlPrefix: 'https://api.example.org/' },
      dir,
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'dist', 'appsscript.json'), 'utf8'));
    expect(manifest).toEqual({
      timeZone: 'Etc/UTC',
      runtimeVersion: 'V8',
      exceptionLogging: 'STACKDRIVER',
      oauthScopes: ADDON_SCOPES,
      urlFetchWhitelist: ['https://api.example.org/'],
    });
    // A bound script's menu is the simple trigger onOpen, which the bundle defines at top level.
    expect(readFileSync(join(dir, 'dist', 'Code.js'), 'utf8')).toMatch(/^function onOpen\(\) \{$/m);
  });

  it('refuses to start without the ids or with a non-https backend, naming every problem at once', () => {
    expect(() => boundScriptTarget({ urlPrefix: 'http://api.example.org/' }, {})).toThrow(
      [
        'deploy:addon cannot start:',
        '- --script-id (or VA_ASSESS_SCRIPT_ID): missing',
        '- --spreadsheet-id (or VA_ASSESS_SPREADSHEET_ID): missing',
        '- --url-prefix (or VA_ASSESS_URL_PREFIX): found "http://api.example.org/", expected the backend as an https prefix ending with "/", e.g. https://api.example.org/',
      ].join('\n'),
    );
    expect(() =>
      boundScriptTarget(
        { scriptId: 'REPLACE-ME', spreadsheetId: SPREADSHEET_ID, urlPrefix: 'https://a.example/' },
        {},
      ),
    ).toThrow('--script-id (or VA_ASSESS_SCRIPT_ID): found "REPLACE-ME", expected a Google id');
  });
});
