import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AddonSandbox, startAddonSandbox } from '../../../local/apps-script';
import { WorkbookModel } from '../../../local/workbook';
import { createTestSigner, TEST_AUDIENCE } from '../support/sign-test-token';

/** Spreadsheet.getEditors/getOwner/addEditor(s) in the Apps Script double, driven by plain Apps Script code. */
const SCRIPT = `
function editors() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  return { owner: ss.getOwner().getEmail(), editors: ss.getEditors().map(function (u) { return u.getEmail(); }) };
}
function share(emails) {
  try { SpreadsheetApp.getActiveSpreadsheet().addEditors(emails); return 'ok'; } catch (e) { return String(e); }
}
function shareOne(email) {
  try { SpreadsheetApp.getActiveSpreadsheet().addEditor(email); return 'ok'; } catch (e) { return String(e); }
}
`;
const OWNER = 'owner@uni.example';
const ANN = 'ann@partner.example';

describe('the Apps Script double: who may edit the spreadsheet', () => {
  let dist = '';
  let model: WorkbookModel;
  let spreadsheetId = '';
  let sandbox: AddonSandbox;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'sharing-double-'));
    writeFileSync(join(dist, 'Code.js'), SCRIPT);
    writeFileSync(join(dist, 'appsscript.json'), JSON.stringify({ oauthScopes: [] }));
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  beforeEach(async () => {
    model = new WorkbookModel();
    spreadsheetId = model.create({ title: 'Sharing', owner: OWNER, sharedWith: [ANN] }).id;
    sandbox = await startAddonSandbox({
      model,
      spreadsheetId,
      distDir: dist,
      signer: createTestSigner(),
      audience: TEST_AUDIENCE,
    });
  });
  afterEach(async () => sandbox.close());

  it('lists every editor, the owner included, and names the owner', async () => {
    expect(await sandbox.run(ANN, 'editors')).toEqual({ owner: OWNER, editors: [OWNER, ANN] });
  });

  it("lets an editor add editors (Drive's default sharing setting), lower-cased as Google stores them", async () => {
    expect(await sandbox.run(ANN, 'share', ['Bob@Partner.example', 'carol@other.example'])).toBe('ok');
    expect(await sandbox.run(ANN, 'shareOne', 'dan@other.example')).toBe('ok');
    expect(model.get(spreadsheetId).data.sharedWith).toEqual([
      OWNER,
      ANN,
      'bob@partner.example',
      'carol@other.example',
      'dan@other.example',
    ]);
  });

  it('refuses a list holding something that is not an e-mail address, and adds no one', async () => {
    expect(await sandbox.run(OWNER, 'share', ['bob@partner.example', 'not an address'])).toBe(
      'Exception: Invalid email: not an address',
    );
    expect(model.get(spreadsheetId).data.sharedWith).toEqual([OWNER, ANN]);
  });

  it('refuses someone who cannot edit the spreadsheet', async () => {
    expect(await sandbox.run('eve@else.example', 'share', ['eve@else.example'])).toMatch(
      /^Exception: You do not have permission to access the requested document \(eve@else\.example is not an editor of it\)/,
    );
    expect(model.get(spreadsheetId).data.sharedWith).toEqual([OWNER, ANN]);
  });
});
