import { CONSUMER_QUOTAS } from '../../local/apps-script';
import type {
  RemindersDialogState,
  RemindersPrepared,
  RemindersSent,
} from '../../sheets-addon/shared/ui-types';
import { COORDINATOR, IFCA, INCD } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';
import { P3_TYPED } from './support/example-with-p3';

/**
 * "Remind partners..." of the BUNDLED add-on in the Apps Script sandbox, on the example with P3
 * opened: messages for exactly the editors who owe cells, each listing their cells, edited by the
 * coordinator, sent with MailApp from the coordinator's account within its daily quota.
 */
jest.setTimeout(120_000);

const DEADLINE = '15 March 2024';
const OWING = [
  'partner@ifca.example.org',
  'partner@incd.example.org',
  'partner@platform.example.org',
  'partner@ulakbim.example.org',
  'partner@walton.example.org',
];

describe('"Remind partners..." in the Apps Script sandbox', () => {
  // The coordinator's account may e-mail 7 people a day in these tests, so the quota is reached.
  const addon = useAddonSandboxStack({
    quotasFor: (email) =>
      email === COORDINATOR ? { ...CONSUMER_QUOTAS, emailRecipients: 7 } : CONSUMER_QUOTAS,
  });
  const { box, cellOf } = addon;

  beforeEach(async () => {
    await addon.coordinatorSetsUp({ sharedWith: [IFCA, INCD] });
    for (const [installationId, metricId, text] of P3_TYPED) {
      await box().typeAs(IFCA, cellOf(installationId, metricId, 'P3').a1, text);
    }
  });

  it('prepares one message per editor who owes cells, each listing exactly their cells', async () => {
    await box().run(COORDINATOR, 'menuRemindPartners');
    expect(box().dialogs().at(-1)).toMatchObject({
      kind: 'modal',
      title: 'Remind partners',
      user: COORDINATOR,
    });
    const state = (await box().run(COORDINATOR, 'remindersState')) as RemindersDialogState;
    expect(state).toMatchObject({ selected: 'P3', quota: 7, error: '' });

    const prepared = (await box().run(COORDINATOR, 'remindersPrepare', 'P3', DEADLINE)) as RemindersPrepared;
    expect(prepared.ok).toBe(true);
    expect(prepared.reminders.map((reminder) => reminder.to).sort()).toEqual(OWING);
    const ifca = prepared.reminders.find((reminder) => reminder.to === IFCA);
    // IFCA CPU is complete: not listed; GPU's refused hours and its three empty cells, Storage's four.
    expect(ifca?.cells).toBe(8);
    expect(ifca?.body).not.toContain('IFCA-CSIC Scientific Cloud – CPU');
    expect(ifca?.body).toMatch(/GPU node\/hours served over the period, P3 \(M13–M18\): refused\. .*"lots"/);
    expect(ifca?.body).toContain(`by ${DEADLINE}`);
    const cellLines = (body: string) => body.split('\n').filter((line) => line.startsWith('  - ')).length;
    for (const reminder of prepared.reminders) expect(cellLines(reminder.body)).toBe(reminder.cells);
  });

  it("sends the edited messages from the coordinator's account, only to editors who owe, and stops at the day's quota", async () => {
    const prepared = (await box().run(COORDINATOR, 'remindersPrepare', 'P3', DEADLINE)) as RemindersPrepared;
    // IFCA's first, edited by the coordinator.
    const ordered = [...prepared.reminders].sort((a, b) => Number(b.to === IFCA) - Number(a.to === IFCA));
    const drafts = ordered.map(({ to, subject, body }) =>
      to === IFCA
        ? { to, subject: 'Edited: GPU figures please', body: `${body}\nCall me.` }
        : { to, subject, body },
    );
    const first = (await box().run(COORDINATOR, 'remindersSend', 'P3', DEADLINE, [
      ...drafts.slice(0, 3),
      { to: 'stranger@elsewhere.example.org', subject: 'x', body: 'y' },
    ])) as RemindersSent;
    expect(first).toMatchObject({ ok: false, sent: 3, notSent: 1 });
    expect(first.message).toContain('3 reminders sent of 4.');
    expect(first.message).toContain('1 reminder not sent: the recipient owes nothing for P3.');
    const mails = box().mails();
    expect(mails.map((mail) => mail.to)).toEqual(drafts.slice(0, 3).map((draft) => [draft.to]));
    expect(mails.every((mail) => mail.from === COORDINATOR)).toBe(true);
    const edited = mails.find((mail) => mail.to[0] === IFCA);
    expect(edited).toMatchObject({ subject: 'Edited: GPU figures please' });
    expect(edited?.body).toMatch(/Call me\.$/);

    // 4 of the 7 recipients left today: the fifth reminder waits, and the coordinator is told.
    const rest = (await box().run(
      COORDINATOR,
      'remindersSend',
      'P3',
      DEADLINE,
      drafts.slice(3),
    )) as RemindersSent;
    expect(rest).toMatchObject({ ok: true, sent: 2, notSent: 0 });
    const again = (await box().run(COORDINATOR, 'remindersSend', 'P3', DEADLINE, drafts)) as RemindersSent;
    expect(again).toMatchObject({ ok: false, sent: 2, notSent: 3 });
    expect(again.message).toContain('3 reminders not sent: your account may e-mail 2 more people today');
    expect(box().mails()).toHaveLength(7);
  });

  it('is not for partners: the menu says so and nothing is prepared or sent', async () => {
    await box().run(IFCA, 'menuRemindPartners');
    expect(addon.lastAlert()).toMatch(
      /^Only a coordinator of project "imagine" reminds partners\. partner@ifca\.example\.org is a partner\./,
    );
    const prepared = (await box().run(IFCA, 'remindersPrepare', 'P3', DEADLINE)) as RemindersPrepared;
    expect(prepared).toMatchObject({ ok: false, reminders: [] });
    const sent = (await box().run(IFCA, 'remindersSend', 'P3', DEADLINE, [
      { to: INCD, subject: 's', body: 'b' },
    ])) as RemindersSent;
    expect(sent).toMatchObject({ sent: 0 });
    expect(box().mails()).toEqual([]);
  });
});
