import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AddonSandbox,
  CONSUMER_QUOTAS,
  quotasByDomain,
  startAddonSandbox,
  WORKSPACE_QUOTAS,
} from '../../../local/apps-script';
import { WorkbookModel } from '../../../local/workbook';
import { createTestSigner, TEST_AUDIENCE } from '../support/sign-test-token';

/** MailApp as the double models it: the send_mail scope, the sender's daily recipients, Google's refusals. */
const SCRIPT = `
function attempt(action) {
  try { return { ok: action() === undefined ? true : action() }; } catch (e) { return { thrown: String(e), isError: e instanceof Error }; }
}
function quota() { return attempt(function () { return MailApp.getRemainingDailyQuota(); }); }
function send(to, subject, body, options) {
  return attempt(function () { options === undefined ? MailApp.sendEmail(to, subject, body) : MailApp.sendEmail(to, subject, body, options); });
}
function sendMessage(message) { return attempt(function () { MailApp.sendEmail(message); }); }
function sendHtml() { return attempt(function () { MailApp.sendEmail({ to: 'ann@partner.example.net', subject: 's', htmlBody: '<b>x</b>' }); }); }
function draft() { return attempt(function () { MailApp.createDraft('a@b.org', 's', 'b'); }); }
`;

const SEND_MAIL = 'https://www.googleapis.com/auth/script.send_mail';
const OWNER = 'coordinator@consortium.example.org';
const WORKSPACE_USER = 'coordinator@workspace.example.com';
const ANN = 'ann@partner.example.net';

describe('MailApp in the Apps Script double', () => {
  let dist: string;
  let sandbox: AddonSandbox;
  let now = Date.parse('2026-03-02T08:00:00Z');

  async function start(scopes: string[]): Promise<void> {
    writeFileSync(join(dist, 'appsscript.json'), JSON.stringify({ oauthScopes: scopes }));
    const model = new WorkbookModel();
    const spreadsheet = model.create({ title: 'Mail', owner: OWNER, sharedWith: [WORKSPACE_USER] });
    sandbox = await startAddonSandbox({
      model,
      spreadsheetId: spreadsheet.id,
      distDir: dist,
      signer: createTestSigner(),
      audience: TEST_AUDIENCE,
      now: () => now,
      quotasFor: quotasByDomain(['workspace.example.com']),
    });
  }

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'mail-app-double-'));
    writeFileSync(join(dist, 'Code.js'), SCRIPT);
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  afterEach(async () => sandbox.close());

  it('refuses to send, and to say the quota, without the send_mail scope in the manifest', async () => {
    await start(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    expect(await sandbox.run(OWNER, 'send', ANN, 'Hello', 'Body')).toEqual({
      thrown: `Exception: You do not have permission to call MailApp.sendEmail. Required permissions: ${SEND_MAIL}`,
      isError: true,
    });
    expect((await sandbox.run(OWNER, 'quota')) as { thrown: string }).toMatchObject({
      thrown: expect.stringContaining('MailApp.getRemainingDailyQuota'),
    });
    expect(sandbox.mails()).toEqual([]);
  });

  it("sends as the user running the script, counting recipients against their account's daily quota", async () => {
    await start([SEND_MAIL]);
    expect(await sandbox.run(OWNER, 'quota')).toEqual({ ok: CONSUMER_QUOTAS.emailRecipients });
    expect(await sandbox.run(WORKSPACE_USER, 'quota')).toEqual({ ok: WORKSPACE_QUOTAS.emailRecipients });
    expect(
      await sandbox.run(OWNER, 'send', ANN, 'Hello', 'Body', {
        cc: 'bob@partner.example.net',
        name: 'Coordinator',
      }),
    ).toEqual({ ok: true });
    expect(await sandbox.run(OWNER, 'sendMessage', { to: ANN, subject: 'Again', body: 'Text' })).toEqual({
      ok: true,
    });
    expect(sandbox.mails()).toEqual([
      {
        from: OWNER,
        to: [ANN],
        cc: ['bob@partner.example.net'],
        bcc: [],
        subject: 'Hello',
        body: 'Body',
        name: 'Coordinator',
      },
      { from: OWNER, to: [ANN], cc: [], bcc: [], subject: 'Again', body: 'Text' },
    ]);
    // Three recipients: the cc counts.
    expect(await sandbox.run(OWNER, 'quota')).toEqual({ ok: 97 });
  });

  it("refuses past the day's quota with Google's message, and gives the quota back 24 hours later", async () => {
    await start([SEND_MAIL]);
    const many = Array.from({ length: 50 }, (_, index) => `p${index}@partner.example.net`).join(',');
    expect(await sandbox.run(OWNER, 'send', many, 's', 'b')).toEqual({ ok: true });
    expect(await sandbox.run(OWNER, 'send', many, 's', 'b')).toEqual({ ok: true });
    expect(await sandbox.run(OWNER, 'quota')).toEqual({ ok: 0 });
    expect(await sandbox.run(OWNER, 'send', ANN, 's', 'b')).toEqual({
      thrown: 'Exception: Service invoked too many times for one day: email.',
      isError: true,
    });
    now += 24 * 60 * 60_000;
    expect(await sandbox.run(OWNER, 'quota')).toEqual({ ok: 100 });
  });

  it('refuses more than 50 recipients in one message, an invalid address, and what it does not model', async () => {
    await start([SEND_MAIL]);
    const tooMany = Array.from({ length: 51 }, (_, index) => `p${index}@partner.example.net`).join(',');
    expect(await sandbox.run(OWNER, 'send', tooMany, 's', 'b')).toEqual({
      thrown: 'Exception: Limit Exceeded: Email Recipients Per Message.',
      isError: true,
    });
    expect(await sandbox.run(OWNER, 'send', `${ANN}, not-an-address`, 's', 'b')).toEqual({
      thrown: 'Exception: Invalid email: not-an-address',
      isError: true,
    });
    expect(await sandbox.run(OWNER, 'send', ANN, 's', 'b', { timeout: 5 })).toMatchObject({
      thrown: expect.stringContaining('"timeout" is not an Apps Script option'),
    });
    expect(await sandbox.run(OWNER, 'sendHtml')).toMatchObject({
      thrown: expect.stringContaining('"htmlBody" is not implemented by the va-assess Apps Script double'),
    });
    expect(await sandbox.run(OWNER, 'draft')).toMatchObject({
      thrown: expect.stringContaining(
        'MailApp.createDraft is not implemented by the va-assess Apps Script double',
      ),
    });
    expect(sandbox.mails()).toEqual([]);
    expect(await sandbox.run(OWNER, 'quota')).toEqual({ ok: 100 });
  });
});
