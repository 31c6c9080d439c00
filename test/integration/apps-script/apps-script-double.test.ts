import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AddonSandbox, startAddonSandbox } from '../../../local/apps-script';
import { type LocalCertificate, makeLocalCertificate } from '../../../local/apps-script/local-tls';
import { WorkbookModel } from '../../../local/workbook';
import { createTestSigner, TEST_AUDIENCE } from '../support/sign-test-token';

/**
 * The Apps Script double on its own: a tiny script (plain Apps Script code, loaded like the add-on's
 * bundle) drives each service, and the test reads the same workbook model the local Sheets API serves.
 */
const SCRIPT = `
function readBlock(a1) {
  var range = SpreadsheetApp.getActiveSpreadsheet().getRange(a1);
  return { values: range.getValues(), display: range.getDisplayValues(), backgrounds: range.getBackgrounds(), notes: range.getNotes(), a1: range.getA1Notation() };
}
function paint(a1, colour, note) {
  var range = SpreadsheetApp.getActiveSpreadsheet().getRange(a1);
  range.setBackground(colour);
  range.setNote(note);
  return range.getNumRows() * range.getNumColumns();
}
function writeValues(a1, values) {
  SpreadsheetApp.getActiveSpreadsheet().getRange(a1).setValues(values);
}
function sortBlock(a1, column) {
  SpreadsheetApp.getActiveSpreadsheet().getRange(a1).sort({ column: column, ascending: true });
}
function rowOfKey(key) {
  var found = SpreadsheetApp.getActiveSpreadsheet().createDeveloperMetadataFinder().withKey(key).find();
  return found.map(function (m) { return { value: m.getValue(), type: String(m.getLocation().getLocationType()), row: m.getLocation().getRow().getRow() }; });
}
function anchorRow(row, key, value) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data');
  sheet.getRange(row + ':' + row).addDeveloperMetadata(key, value);
}
function protections() {
  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getProtections(SpreadsheetApp.ProtectionType.RANGE).map(function (p) {
    return { a1: p.getRange().getA1Notation(), editors: p.getEditors().map(function (u) { return u.getEmail(); }) };
  });
}
function setProperty(key, size) {
  PropertiesService.getDocumentProperties().setProperty(key, new Array(size + 1).join('x'));
  return PropertiesService.getDocumentProperties().getKeys().length;
}
function holdLockUntilReleased() {
  var lock = LockService.getDocumentLock();
  var got = lock.tryLock(100);
  var properties = PropertiesService.getDocumentProperties();
  properties.setProperty('held', 'yes');
  while (got && properties.getProperty('release') === null) Utilities.sleep(20);
  lock.releaseLock();
  return got;
}
function tryLockFor(ms) {
  var got = LockService.getDocumentLock().tryLock(ms);
  return got;
}
function fetchStatus(url, mute) {
  try {
    var response = UrlFetchApp.fetch(url, { muteHttpExceptions: mute });
    return { code: response.getResponseCode(), text: response.getContentText() };
  } catch (e) {
    return { thrown: String(e), isError: e instanceof Error };
  }
}
function fetchWith(url, options) {
  try {
    return { code: UrlFetchApp.fetch(url, options).getResponseCode() };
  } catch (e) {
    return { thrown: String(e) };
  }
}
function whoAmI() {
  var token = ScriptApp.getIdentityToken();
  var payload = JSON.parse(Utilities.newBlob ? '{}' : '{}');
  return { active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail(), token: token };
}
function enableTrigger() {
  ScriptApp.newTrigger('onEditRecorded').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
  return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).length;
}
function attempt(fn) {
  try { fn(); return 'ok'; } catch (e) { return String(e); }
}
function onOpen(e) {
  var seen = {
    user: e.user.getEmail(),
    active: Session.getActiveUser().getEmail(),
    authMode: String(e.authMode),
    fetch: attempt(function () { UrlFetchApp.fetch('https://127.0.0.1:9/x'); }),
    token: attempt(function () { ScriptApp.getIdentityToken(); }),
    menu: attempt(function () { SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'showPage').addToUi(); }),
  };
  PropertiesService.getDocumentProperties().setProperty('opened', JSON.stringify(seen));
}
function onEditRecorded(e) {
  var log = { value: e.value, oldValue: e.oldValue, range: e.range.getA1Notation(), editor: e.user.getEmail(), runAs: Session.getEffectiveUser().getEmail(), rows: e.range.getNumRows(), ui: attempt(function () { SpreadsheetApp.getUi(); }) };
  PropertiesService.getDocumentProperties().setProperty('last-edit', JSON.stringify(log));
}
function dateCell(a1) {
  var value = SpreadsheetApp.getActiveSpreadsheet().getRange(a1).getValue();
  return { isDate: value instanceof Date, iso: value instanceof Date ? value.toISOString() : String(value), zone: SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone() };
}
function activeRangeSeen() {
  var range = SpreadsheetApp.getActiveRange();
  return range === null ? null : range.getSheet().getName() + '!' + range.getA1Notation();
}
function activateThenSee(a1) {
  SpreadsheetApp.getActiveSpreadsheet().getRange(a1).activate();
  return SpreadsheetApp.getActiveSpreadsheet().getActiveRange().getA1Notation();
}
function onEditActiveRange(e) {
  PropertiesService.getDocumentProperties().setProperty('active-in-trigger', String(SpreadsheetApp.getActiveRange()));
}
function enableActiveRangeTrigger() {
  ScriptApp.newTrigger('onEditActiveRange').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
}
function globalsSeen() {
  return { setTimeout: typeof setTimeout, require: typeof require, process: typeof process, fetch: typeof fetch };
}
function useMissing() {
  return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].insertRowBefore(1);
}
function showPage() {
  var template = HtmlService.createTemplate('<p><?= who ?></p>');
  template.who = '<b>Ann</b>';
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle('Hi'));
  SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'showPage').addSeparator().addToUi();
  return SpreadsheetApp.getUi().alert('Sure?', SpreadsheetApp.getUi().ButtonSet.YES_NO) === SpreadsheetApp.getUi().Button.YES;
}
`;

const IDENTITY_SCOPES = ['openid', 'https://www.googleapis.com/auth/userinfo.email'];
/** What the bundle may fetch: the test's https server, and a port where nothing listens. */
const manifestFor = (baseUrl: string) =>
  JSON.stringify({
    oauthScopes: IDENTITY_SCOPES,
    urlFetchWhitelist: [`${baseUrl}/`, 'https://127.0.0.1:9/'],
  });

const OWNER = 'owner@example.org';
const ANN = 'ann@example.org';
const BOB = 'bob@example.org';
/** At another institution: not in the owner's Workspace domain. */
const CAROL = 'carol@partner.example.net';

describe('the Apps Script double', () => {
  let dist: string;
  let model: WorkbookModel;
  let spreadsheetId: string;
  let sandbox: AddonSandbox;
  let server: Server;
  let baseUrl: string;
  let certificate: LocalCertificate;
  let MANIFEST: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'apps-script-double-'));
    writeFileSync(join(dist, 'Code.js'), SCRIPT);
    certificate = makeLocalCertificate();
    server = createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
      const status = Number(request.url?.slice(1) || '200');
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end(`answered ${status}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    MANIFEST = manifestFor(baseUrl);
    writeFileSync(join(dist, 'appsscript.json'), MANIFEST);
  });

  afterAll(async () => {
    rmSync(dist, { recursive: true, force: true });
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(async () => {
    model = new WorkbookModel();
    const spreadsheet = model.create({
      title: 'Double',
      owner: OWNER,
      sharedWith: [ANN, BOB, CAROL],
      withoutDefaultSheet: true,
      timeZone: 'Europe/Madrid',
    });
    spreadsheetId = spreadsheet.id;
    const sheet = spreadsheet.addSheet({ title: 'Data', rowCount: 20, columnCount: 6 });
    sheet.setValue(0, 0, { stringValue: 'name' });
    sheet.setValue(1, 0, { numberValue: 12.5 });
    sheet.setFormat(2, 1, { numberFormat: { type: 'TEXT' } });
    spreadsheet.addProtectedRange(
      {
        range: { sheetId: sheet.sheetId, startRowIndex: 5, endRowIndex: 6 },
        warningOnly: false,
        editors: { users: [ANN] },
      },
      OWNER,
    );
    sandbox = await startAddonSandbox({
      model,
      spreadsheetId,
      distDir: dist,
      signer: createTestSigner(),
      audience: TEST_AUDIENCE,
      trustedCertificates: [certificate.cert],
    });
  });

  afterEach(async () => {
    await sandbox.close();
  });

  it('reads and writes values, backgrounds and notes of the same model the Sheets API serves', async () => {
    expect(await sandbox.run(OWNER, 'readBlock', 'Data!A1:B2')).toEqual({
      values: [
        ['name', ''],
        [12.5, ''],
      ],
      display: [
        ['name', ''],
        ['12.5', ''],
      ],
      backgrounds: [
        ['#ffffff', '#ffffff'],
        ['#ffffff', '#ffffff'],
      ],
      notes: [
        ['', ''],
        ['', ''],
      ],
      a1: 'A1:B2',
    });
    await sandbox.run(OWNER, 'writeValues', 'Data!A3:B3', [['1,234.5', '4.000.000']]);
    await sandbox.run(OWNER, 'paint', 'Data!A3:B3', '#f4cccc', 'why');
    const sheet = model.get(spreadsheetId).sheets()[0];
    expect(sheet?.getValue(2, 0)).toEqual({ numberValue: 1234.5 });
    // B3 is formatted as plain text: what is written stays text.
    expect(sheet?.getValue(2, 1)).toEqual({ stringValue: '4.000.000' });
    expect(sheet?.getNote(2, 1)).toBe('why');
    expect(await sandbox.run(OWNER, 'readBlock', 'Data!A3:B3')).toMatchObject({
      backgrounds: [['#f4cccc', '#f4cccc']],
      notes: [['why', 'why']],
    });
  });

  it("answers a date cell's getValue() with a Date: the serial's midnight in the spreadsheet's time zone", async () => {
    const spreadsheet = model.get(spreadsheetId);
    const sheet = spreadsheet.sheets()[0];
    if (sheet === undefined) throw new Error('no sheet');
    // 45000 is 15 March 2023 in Sheets' serial dates.
    sheet.setValue(3, 0, { numberValue: 45000 });
    sheet.setFormat(3, 0, { numberFormat: { type: 'DATE', pattern: 'yyyy-mm-dd' } });
    sheet.setValue(3, 1, { numberValue: 45000 });
    expect(await sandbox.run(OWNER, 'dateCell', 'Data!A4')).toEqual({
      isDate: true,
      iso: '2023-03-14T23:00:00.000Z',
      zone: 'Europe/Madrid',
    });
    expect(await sandbox.run(OWNER, 'dateCell', 'Data!B4')).toEqual({
      isDate: false,
      iso: '45000',
      zone: 'Europe/Madrid',
    });
  });

  it('refuses a write whose shape does not match the range, naming both sizes', async () => {
    await expect(sandbox.run(OWNER, 'writeValues', 'Data!A1:B2', [['x']])).rejects.toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('finds row metadata on its row after a sort, which moves the cells only', async () => {
    await sandbox.run(OWNER, 'writeValues', 'Data!A2:A4', [['c'], ['a'], ['b']]);
    await sandbox.run(OWNER, 'anchorRow', 2, 'row-key', 'was-c');
    expect(await sandbox.run(OWNER, 'rowOfKey', 'row-key')).toEqual([
      { value: 'was-c', type: 'ROW', row: 2 },
    ]);
    // Range.sort, as a script (or Data › Sort range) does it.
    await sandbox.run(OWNER, 'sortBlock', 'Data!A2:F4', 1);
    expect(await sandbox.run(OWNER, 'readBlock', 'Data!A2:A4')).toMatchObject({
      values: [['a'], ['b'], ['c']],
    });
    expect(await sandbox.run(OWNER, 'rowOfKey', 'row-key')).toEqual([
      { value: 'was-c', type: 'ROW', row: 2 },
    ]);
    expect(await sandbox.run(OWNER, 'readBlock', 'Data!A2:A2')).toMatchObject({ values: [['a']] });
  });

  it('refuses a sort that would move a protected cell the user may not edit', async () => {
    await expect(sandbox.run(BOB, 'sortBlock', 'Data!A5:F6', 1)).rejects.toThrow(
      'You are trying to edit a protected cell',
    );
  });

  it('applies protections: the UI and scripts are refused a protected cell, until the owner removes it', async () => {
    expect(await sandbox.run(OWNER, 'protections')).toEqual([
      { a1: 'A6:F6', editors: expect.arrayContaining([ANN, OWNER]) },
    ]);
    await expect(sandbox.typeAs(BOB, 'Data!B6', 'x')).rejects.toThrow(
      'Data!B6: You are trying to edit a protected cell',
    );
    await expect(sandbox.run(BOB, 'writeValues', 'Data!B6', [['x']])).rejects.toThrow(
      'You are trying to edit a protected cell',
    );
    await sandbox.typeAs(ANN, 'Data!B6', 'fine');
    expect(sandbox.unprotect('Data!B6')).toBe(1);
    await sandbox.typeAs(BOB, 'Data!B6', 'now fine');
    expect(model.get(spreadsheetId).sheets()[0]?.getValue(5, 1)).toEqual({ stringValue: 'now fine' });
  });

  it('enforces the property limits: 9 KB a value, 500 KB a store', async () => {
    expect(await sandbox.run(OWNER, 'setProperty', 'fits', 9 * 1024)).toBe(1);
    await expect(sandbox.run(OWNER, 'setProperty', 'big', 9 * 1024 + 1)).rejects.toThrow(
      'Argument too large: value',
    );
    for (let index = 0; index < 54; index++) await sandbox.run(OWNER, 'setProperty', `k${index}`, 9 * 1024);
    await expect(sandbox.run(OWNER, 'setProperty', 'one-too-many', 9 * 1024)).rejects.toThrow(
      'You have exceeded the property storage quota',
    );
    expect(Object.keys(sandbox.documentProperties())).not.toContain('one-too-many');
  });

  it('gives the document lock to one execution at a time, across concurrent executions', async () => {
    const holding = sandbox.run(ANN, 'holdLockUntilReleased');
    while (sandbox.documentProperties().held === undefined) await new Promise((r) => setTimeout(r, 10));
    expect(await sandbox.run(BOB, 'tryLockFor', 10)).toBe(false);
    sandbox.host.propertyStore('document', spreadsheetId).set('release', 'now');
    expect(await holding).toBe(true);
    expect(await sandbox.run(BOB, 'tryLockFor', 10)).toBe(true);
  });

  it('fetches over real HTTPS with muteHttpExceptions semantics, and says when the host is unreachable', async () => {
    expect(await sandbox.run(OWNER, 'fetchStatus', `${baseUrl}/404`, true)).toEqual({
      code: 404,
      text: 'answered 404',
    });
    expect(await sandbox.run(OWNER, 'fetchStatus', `${baseUrl}/503`, false)).toEqual({
      thrown: expect.stringMatching(
        /^Exception: Request failed for .*\/503 returned code 503\. Truncated server response: answered 503/,
      ),
      isError: true,
    });
    expect(await sandbox.run(OWNER, 'fetchStatus', 'https://127.0.0.1:9/x', true)).toEqual({
      thrown: 'Exception: Address unavailable: https://127.0.0.1:9/x',
      isError: true,
    });
  });

  it("refuses a fetch outside the manifest's urlFetchWhitelist, and any http:// fetch, as Apps Script does", async () => {
    const plain = baseUrl.replace('https://', 'http://');
    const elsewhere = 'https://api.example.org/health';
    for (const url of [`${plain}/200`, elsewhere, `https://127.0.0.1:10/x`]) {
      expect(await sandbox.run(OWNER, 'fetchStatus', url, true)).toEqual({
        thrown: `Exception: Request to ${url} failed because the URL has not been whitelisted in the script manifest.`,
        isError: true,
      });
    }
    expect(sandbox.fetches().map((fetch) => fetch.url)).toEqual([]);
  });

  it('refuses every fetch when the manifest lists no prefixes, or lists one Google would refuse', async () => {
    try {
      writeFileSync(join(dist, 'appsscript.json'), JSON.stringify({ oauthScopes: IDENTITY_SCOPES }));
      expect(await sandbox.run(OWNER, 'fetchStatus', `${baseUrl}/200`, true)).toEqual({
        thrown: expect.stringContaining('has no urlFetchWhitelist'),
        isError: true,
      });
      for (const entry of [baseUrl, `${baseUrl.replace('https://', 'http://')}/`]) {
        writeFileSync(join(dist, 'appsscript.json'), JSON.stringify({ urlFetchWhitelist: [entry] }));
        expect(await sandbox.run(OWNER, 'fetchStatus', `${baseUrl}/200`, true)).toEqual({
          thrown: expect.stringContaining(`urlFetchWhitelist entry "${entry}" is invalid`),
          isError: true,
        });
      }
    } finally {
      writeFileSync(join(dist, 'appsscript.json'), MANIFEST);
    }
  });

  it('trusts only the certificates it was given: another self-signed backend is refused', async () => {
    await sandbox.close();
    sandbox = await startAddonSandbox({
      model,
      spreadsheetId,
      distDir: dist,
      signer: createTestSigner(),
      audience: TEST_AUDIENCE,
    });
    expect(await sandbox.run(OWNER, 'fetchStatus', `${baseUrl}/200`, true)).toEqual({
      thrown: `Exception: Address unavailable: ${baseUrl}/200`,
      isError: true,
    });
  });

  it("counts each user's UrlFetch calls and trigger runtime for 24 hours, refusing past the quota with Google's message", async () => {
    await sandbox.close();
    let now = Date.parse('2026-03-02T08:00:00Z');
    sandbox = await startAddonSandbox({
      model,
      spreadsheetId,
      distDir: dist,
      signer: createTestSigner(),
      audience: TEST_AUDIENCE,
      trustedCertificates: [certificate.cert],
      now: () => now,
      quotasFor: () => ({ urlFetchCalls: 2, triggerRuntimeMs: 0, emailRecipients: 100 }),
    });
    const fetchAs = (who: string) => sandbox.run(who, 'fetchStatus', `${baseUrl}/200`, true);
    expect(await fetchAs(OWNER)).toEqual({ code: 200, text: 'answered 200' });
    expect(await fetchAs(OWNER)).toEqual({ code: 200, text: 'answered 200' });
    expect(await fetchAs(OWNER)).toEqual({
      thrown: 'Exception: Service invoked too many times for one day: urlfetch.',
      isError: true,
    });
    // Quotas are per user; and they reset 24 hours after the first request.
    expect(await fetchAs(ANN)).toEqual({ code: 200, text: 'answered 200' });
    now += 24 * 60 * 60_000;
    expect(await fetchAs(OWNER)).toEqual({ code: 200, text: 'answered 200' });

    await sandbox.run(OWNER, 'enableTrigger');
    const edit = await sandbox.typeAs(ANN, 'Data!A2', '7');
    expect(edit.executions).toEqual([
      expect.objectContaining({ user: OWNER, error: 'Service using too much computer time for one day' }),
    ]);
    expect(sandbox.documentProperties()['last-edit']).toBeUndefined();
  });

  it('refuses UrlFetchApp options Apps Script does not have (it would ignore them), and unknown methods', async () => {
    expect(await sandbox.run(OWNER, 'fetchWith', `${baseUrl}/200`, { muteHttpExceptions: true })).toEqual({
      code: 200,
    });
    expect(await sandbox.run(OWNER, 'fetchWith', `${baseUrl}/200`, { timeout: 5000 })).toEqual({
      thrown: expect.stringContaining('"timeout" is not an Apps Script option'),
    });
    expect(await sandbox.run(OWNER, 'fetchWith', `${baseUrl}/200`, { method: 'HEAD' })).toEqual({
      thrown: expect.stringContaining('Invalid argument: method (found "HEAD"'),
    });
  });

  it('gives no identity token when the manifest does not grant the openid scope', async () => {
    writeFileSync(
      join(dist, 'appsscript.json'),
      JSON.stringify({ oauthScopes: ['https://www.googleapis.com/auth/script.external_request'] }),
    );
    try {
      const seen = (await sandbox.run(ANN, 'whoAmI')) as { token: string | null };
      expect(seen.token).toBeNull();
    } finally {
      writeFileSync(join(dist, 'appsscript.json'), MANIFEST);
    }
  });

  it('fires installable edit triggers as their owner, with value and oldValue for single cells only', async () => {
    expect(await sandbox.run(OWNER, 'enableTrigger')).toBe(1);
    await expect(sandbox.run(OWNER, 'enableTrigger')).rejects.toThrow('too many edit triggers');
    await sandbox.typeAs(ANN, 'Data!A2', '7');
    expect(JSON.parse(sandbox.documentProperties()['last-edit'] ?? '')).toEqual({
      value: '7',
      oldValue: '12.5',
      range: 'A2',
      editor: ANN,
      runAs: OWNER,
      rows: 1,
      ui: 'Exception: Cannot call SpreadsheetApp.getUi() from this context.',
    });
    await sandbox.pasteAs(
      BOB,
      'Data!C2',
      [
        ['1', '2'],
        ['3', '4'],
      ],
      { reportEditor: false },
    );
    expect(JSON.parse(sandbox.documentProperties()['last-edit'] ?? '')).toEqual({
      range: 'C2:D3',
      editor: '',
      runAs: OWNER,
      rows: 2,
      ui: 'Exception: Cannot call SpreadsheetApp.getUi() from this context.',
    });
  });

  it("answers getActiveRange() with the person's own selection, null before any and in a trigger", async () => {
    expect(await sandbox.run(ANN, 'activeRangeSeen')).toBeNull();
    sandbox.select(ANN, 'Data!B2');
    expect(await sandbox.run(ANN, 'activeRangeSeen')).toBe('Data!B2');
    // Each person has their own selection.
    expect(await sandbox.run(BOB, 'activeRangeSeen')).toBeNull();
    // A script's Range.activate() moves the selection of the person it runs for.
    expect(await sandbox.run(BOB, 'activateThenSee', 'Data!C3:D4')).toBe('C3:D4');
    expect(await sandbox.run(BOB, 'activeRangeSeen')).toBe('Data!C3:D4');
    // A trigger has nobody at the keyboard (the stricter reading of Google's "or null").
    await sandbox.run(OWNER, 'enableActiveRangeTrigger');
    sandbox.select(OWNER, 'Data!A2');
    await sandbox.typeAs(OWNER, 'Data!A2', '9');
    expect(sandbox.documentProperties()['active-in-trigger']).toBe('null');
  });

  it("gives the trigger no editor (e.user blank) for someone outside the owner's Workspace domain, unless a test says they share it", async () => {
    await sandbox.run(OWNER, 'enableTrigger');
    const lastEdit = () => JSON.parse(sandbox.documentProperties()['last-edit'] ?? '') as { editor: string };
    await sandbox.typeAs(CAROL, 'Data!A2', '8');
    expect(lastEdit()).toMatchObject({ editor: '', runAs: OWNER });
    await sandbox.typeAs(CAROL, 'Data!A2', '9', { reportEditor: true });
    expect(lastEdit()).toMatchObject({ editor: CAROL });
    await sandbox.typeAs(OWNER, 'Data!A2', '10');
    expect(lastEdit()).toMatchObject({ editor: OWNER });
  });

  it('runs onOpen as a simple trigger: limited authorisation (no UrlFetchApp, no identity token), no e-mail, a menu', async () => {
    await sandbox.open(ANN);
    expect(JSON.parse(sandbox.documentProperties().opened ?? '')).toEqual({
      user: '',
      active: '',
      authMode: 'LIMITED',
      fetch:
        'Exception: You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
      token:
        'Exception: You do not have permission to call ScriptApp.getIdentityToken. Required permissions: openid',
      menu: 'ok',
    });
    expect(sandbox.menu()).toEqual([{ caption: 'Go', functionName: 'showPage' }]);
    expect(sandbox.fetches()).toEqual([]);
  });

  it('signs identity tokens for the user the code runs as', async () => {
    const seen = (await sandbox.run(ANN, 'whoAmI')) as { active: string; effective: string; token: string };
    expect(seen.active).toBe(ANN);
    const claims = JSON.parse(Buffer.from(seen.token.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ email: ANN, aud: TEST_AUDIENCE });
  });

  it('holds only Apps Script globals, and names what it does not implement', async () => {
    expect(await sandbox.run(OWNER, 'globalsSeen')).toEqual({
      setTimeout: 'undefined',
      require: 'undefined',
      process: 'undefined',
      fetch: 'undefined',
    });
    await expect(sandbox.run(OWNER, 'useMissing')).rejects.toThrow(
      'Sheet.insertRowBefore is not implemented by the va-assess Apps Script double',
    );
    await expect(sandbox.run(OWNER, 'noSuchFunction')).rejects.toThrow(
      'Script function not found: noSuchFunction',
    );
  });

  it('records menus, sidebars and alerts, answering alerts as the test scripts', async () => {
    sandbox.answerNextAlert('NO');
    expect(await sandbox.run(OWNER, 'showPage')).toBe(false);
    expect(sandbox.dialogs()).toEqual([
      { user: OWNER, kind: 'sidebar', title: 'Hi', content: '<p>&lt;b&gt;Ann&lt;/b&gt;</p>' },
    ]);
    expect(sandbox.menu()).toEqual([{ caption: 'Go', functionName: 'showPage' }, { separator: true }]);
    expect(sandbox.alerts()).toEqual([
      { user: OWNER, title: '', message: 'Sure?', buttons: 'YES_NO', answer: 'NO' },
    ]);
  });
});
