import { LOCAL_SERVICE_ACCOUNT_EMAIL } from '../../functions/commons/local-sheets-token';
import { COORDINATOR, IFCA, INCD } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';

/**
 * "Who cannot work yet..." with the BUNDLED add-on in the Apps Script sandbox against the real router:
 * the example project lists five partners; the coordinator shared the spreadsheet with two of them
 * and with someone the configuration does not list.
 */
jest.setTimeout(180_000);

const addon = useAddonSandboxStack();
const { stack, box } = addon;
const STRANGER = 'someone@elsewhere.example.org';
const NOT_SHARED = [
  'partner@platform.example.org',
  'partner@ulakbim.example.org',
  'partner@walton.example.org',
];

const editorsOfSheet = () => stack.sheetsApi.model.get(addon.spreadsheetId).data.sharedWith;

describe('Who cannot work yet', () => {
  it('lists the partners who are not editors, the editor listed nowhere and the installations with no editor, and shares on YES', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false, sharedWith: [IFCA, INCD, STRANGER] });
    box().answerNextAlert('YES');
    await box().run(COORDINATOR, 'menuWhoCannotWork');
    const [check, done] = box().alerts().slice(-2);
    expect(check).toMatchObject({ user: COORDINATOR, title: 'Who cannot work yet', buttons: 'YES_NO' });
    const lines = check?.message.split('\n') ?? [];
    for (const email of NOT_SHARED)
      expect(lines).toContainEqual(expect.stringMatching(`^• ${email} \\(editor of `));
    expect(lines).toContainEqual(`• ${STRANGER}`);
    // The backend's service account is an editor on purpose: never reported as "listed nowhere".
    expect(check?.message).not.toContain(LOCAL_SERVICE_ACCOUNT_EMAIL);
    expect(lines).toContainEqual(
      expect.stringMatching(/^• .*: none of its editors \(partner@walton\.example\.org\)/),
    );
    expect(lines).not.toContainEqual(expect.stringContaining(IFCA));
    expect(done?.message).toBe(
      `This spreadsheet is now shared as editor with ${NOT_SHARED.join(', ')}. Each opens it with that Google account and finds the menu under Extensions.`,
    );
    expect(editorsOfSheet()).toEqual(expect.arrayContaining(NOT_SHARED));

    // Checked again: only the stranger is left.
    await box().run(COORDINATOR, 'menuWhoCannotWork');
    const again = box().alerts().at(-1);
    expect(again).toMatchObject({ buttons: 'OK' });
    expect(again?.message).toContain(`• ${STRANGER}`);
    expect(again?.message).not.toContain('Listed in the configuration but not editors');
  });

  it('shares nothing when the coordinator answers NO, and refuses a partner', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false });
    const before = [...editorsOfSheet()];
    box().answerNextAlert('NO');
    await box().run(COORDINATOR, 'menuWhoCannotWork');
    expect(box().alerts().at(-1)?.message).toBe('Nothing was shared.');
    expect(editorsOfSheet()).toEqual(before);

    await box().run(IFCA, 'menuWhoCannotWork');
    expect(box().alerts().at(-1)).toMatchObject({
      user: IFCA,
      message: `Only a coordinator of project "imagine" checks who cannot work yet; ${IFCA} is not one.`,
    });
    expect(editorsOfSheet()).toEqual(before);
  });
});
