import { AddonUiBroker, UiRequestError } from '../../../local/playground/addon-ui';

/**
 * The person in front of the playground page, as the Apps Script double asks them: answers must be
 * buttons of the question's set, dialogs replace the person's previous one of the same place, and
 * what a dropped page leaves waiting ends as a click on the close box.
 */
const ANN = 'ann@example.org';
const BOB = 'bob@example.org';
const question = {
  user: ANN,
  kind: 'alert' as const,
  title: 'Take over?',
  message: 'Sure?',
  buttons: 'YES_NO',
};

function refusal(run: () => void): { status: number; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof UiRequestError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

describe('the add-on UI broker', () => {
  it("gives the waiting execution the button clicked, and refuses a button not in the question's set", async () => {
    const broker = new AddonUiBroker();
    // Not started from the page: the double answers it by itself.
    expect(broker.ask(question)).toBeUndefined();
    let answered: Promise<unknown> = Promise.resolve();
    const run = broker.startedBy(ANN, async () => {
      answered = broker.ask(question) ?? Promise.reject(new Error('not asked'));
      return answered;
    });
    const [pending] = broker.state().questions;
    if (pending === undefined) throw new Error('no question');
    expect(refusal(() => broker.answer(pending.id, ANN, { button: 'OK', text: '' }))).toEqual({
      status: 400,
      message: 'button: found "OK", expected one of YES, NO, CLOSE for YES_NO.',
    });
    expect(refusal(() => broker.answer(pending.id, BOB, { button: 'YES', text: '' })).status).toBe(404);
    broker.answer(pending.id, ANN, { button: 'NO', text: 'ignored for an alert' });
    await expect(answered).resolves.toEqual({ button: 'NO', text: '' });
    await expect(run).resolves.toEqual({ button: 'NO', text: '' });
    expect(broker.state().questions).toEqual([]);
  });

  it("keeps one sidebar and one dialog per person: a new one replaces that person's previous one", () => {
    const broker = new AddonUiBroker();
    const show = (user: string, kind: 'sidebar' | 'modal' | 'modeless', title: string) =>
      broker.shown({ user, kind, title, content: `<p>${title}</p>` });
    show(ANN, 'sidebar', 'Problems');
    show(ANN, 'modal', 'Generate report');
    show(BOB, 'modal', 'Settings');
    show(ANN, 'modal', 'va-assess: report of PY1');
    expect(broker.state().dialogs.map((dialog) => [dialog.user, dialog.title])).toEqual([
      [ANN, 'Problems'],
      [BOB, 'Settings'],
      [ANN, 'va-assess: report of PY1'],
    ]);
    const report = broker.state().dialogs.at(-1);
    expect(broker.pageOf(report?.id ?? 0)).toMatch(
      /^<script>[\s\S]*google[\s\S]*<\/script><p>va-assess: report of PY1<\/p>$/,
    );
    broker.close(report?.id ?? 0);
    expect(refusal(() => broker.pageOf(report?.id ?? 0)).status).toBe(404);
  });

  it('ends what is left waiting as the close box does when the page goes away', async () => {
    const broker = new AddonUiBroker();
    const answered = broker.startedBy(ANN, async () =>
      broker.ask({ ...question, kind: 'prompt', buttons: 'OK_CANCEL' }),
    );
    broker.shown({ user: ANN, kind: 'sidebar', title: 'Problems', content: '' });
    broker.dismissAll();
    await expect(answered).resolves.toEqual({ button: 'CLOSE', text: '' });
    expect(broker.state()).toMatchObject({ questions: [], dialogs: [] });
  });

  it('answers a long poll as soon as something changes', async () => {
    const broker = new AddonUiBroker();
    const { version } = broker.state();
    const next = broker.changedSince(version, 60_000);
    broker.shown({ user: ANN, kind: 'modal', title: 'Settings', content: '' });
    await expect(next).resolves.toMatchObject({ version: version + 1, dialogs: [{ title: 'Settings' }] });
  });
});
