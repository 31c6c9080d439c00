import { COORDINATOR, IFCA } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';

/**
 * After Lock period…, the two ways a coordinator changes a closed period from the sheet, with the
 * BUNDLED add-on in the Apps Script sandbox against the real router: Amend locked cell… (the value
 * typed, then a reason, sent under the coordinator's own token) and Reopen period… (with a reason).
 */
jest.setTimeout(180_000);

const addon = useAddonSandboxStack();
const { box, cellOf, paintOf, lastAlert } = addon;

async function lockPy1(): Promise<void> {
  box().answerNextPrompt('OK', 'PY1');
  box().answerNextPrompt('OK', 'D4.2, submitted 2023-10-30');
  await box().run(COORDINATOR, 'menuLockPeriod');
  expect(lastAlert()).toMatch(/^PY1 is locked since/);
}

describe('Amend locked cell… and Reopen period…', () => {
  it("a coordinator's value typed into a locked cell is taken only as an amendment with its reason", async () => {
    await addon.coordinatorSetsUp();
    await lockPy1();
    const p2 = cellOf('ifca-cpu', 'cpu-hours', 'P2');

    await box().run(IFCA, 'menuAmendLockedCell');
    expect(lastAlert()).toMatch(/^Only a coordinator of project "imagine" amends a cell of a locked period/);

    // The trigger never amends: the coordinator's typed value is refused, and the note says how to amend.
    await box().typeAs(COORDINATOR, p2.a1, '412000', { reportEditor: true });
    expect(paintOf(p2).note).toContain('Amend locked cell...');
    expect((await addon.history('ifca-cpu', 'cpu-hours', 'P2')).at(-1)).toMatchObject({
      status: 'rejected',
      current: false,
    });

    // Nothing selected, then a header cell: told how to select, nothing sent.
    const posts = addon.entriesPosts().length;
    await box().run(COORDINATOR, 'menuAmendLockedCell');
    expect(lastAlert()).toMatch(/^Select the one cell to amend on the Metrics tab/);
    box().select(COORDINATOR, `${p2.a1.split('!')[0]}!A1`);
    await box().run(COORDINATOR, 'menuAmendLockedCell');
    expect(lastAlert()).toMatch(/holds no installation's value for a period/);
    expect(addon.entriesPosts()).toHaveLength(posts);

    // Cancelling the reason sends nothing either.
    box().select(COORDINATOR, p2.a1);
    box().answerNextPrompt('CANCEL', '');
    await box().run(COORDINATOR, 'menuAmendLockedCell');
    expect(addon.entriesPosts()).toHaveLength(posts);

    box().answerNextPrompt('OK', 'IFCA counted the March jobs twice');
    await box().run(COORDINATOR, 'menuAmendLockedCell');
    expect(lastAlert()).toMatch(/is amended \((accepted|warning)\)/);
    expect(lastAlert()).toContain('because "IFCA counted the March jobs twice"');
    expect(paintOf(p2).note).not.toContain('locked');
    expect((await addon.history('ifca-cpu', 'cpu-hours', 'P2')).at(-1)).toMatchObject({
      raw: '412000',
      current: true,
      editor: COORDINATOR,
      via: 'direct',
      amendment: { reason: 'IFCA counted the March jobs twice' },
    });

    // A cell of an open period: an ordinary edit, said so.
    const p3 = cellOf('ifca-cpu', 'users', 'P3');
    await box().typeAs(COORDINATOR, p3.a1, '18', { reportEditor: true });
    box().select(COORDINATOR, p3.a1);
    box().answerNextPrompt('OK', 'no reason needed');
    await box().run(COORDINATOR, 'menuAmendLockedCell');
    expect(lastAlert()).toMatch(/^P3 is not locked, so .* was taken as an ordinary edit/);
  });

  it("reopens a locked window with a reason: its columns and cells are the partners' again", async () => {
    await addon.coordinatorSetsUp();
    await lockPy1();
    const p2 = cellOf('ifca-cpu', 'cpu-hours', 'P2');
    await expect(box().typeAs(IFCA, p2.a1, '400000')).rejects.toThrow('protected cell');

    await box().run(IFCA, 'menuReopenPeriod');
    expect(lastAlert()).toMatch(/^Only a coordinator of project "imagine" reopens a locked period/);

    box().answerNextPrompt('OK', 'PY1');
    box().answerNextPrompt('OK', 'the EC asked for corrected figures');
    await box().run(COORDINATOR, 'menuReopenPeriod');
    expect(lastAlert()).toMatch(
      /^PY1 is open again since \S+ \(it was locked for D4\.2, submitted 2023-10-30\)/,
    );
    expect(lastAlert()).toContain("The Metrics tab's protection now follows the locks.");

    await box().typeAs(IFCA, p2.a1, '400000', { reportEditor: true });
    expect(paintOf(p2).note).not.toContain('locked');
    expect((await addon.history('ifca-cpu', 'cpu-hours', 'P2')).at(-1)).toMatchObject({
      raw: '400000',
      current: true,
      editor: IFCA,
    });

    // Nothing is locked any more: said, nothing changes.
    box().answerNextPrompt('OK', 'PY1');
    box().answerNextPrompt('OK', 'once more');
    await box().run(COORDINATOR, 'menuReopenPeriod');
    expect(lastAlert()).toMatch(/^PY1 was not reopened: /);
  });
});
