import { COORDINATOR, IFCA } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';

/**
 * Lock period… with the BUNDLED add-on in the Apps Script sandbox against the real router: a partner
 * is told it is not theirs; a coordinator names the window and the deliverable, the P2 column becomes
 * the coordinators', and a partner's value typed there anyway (protection removed) is refused with
 * the lock's sentence and kept in the history as refused.
 */
jest.setTimeout(180_000);

const addon = useAddonSandboxStack();
const { box, cellOf, paintOf, lastAlert } = addon;

describe('Lock period…', () => {
  it("locks PY1 for a coordinator; partners' P2 cells are protected, and refused when typed anyway", async () => {
    await addon.coordinatorSetsUp();

    await box().run(IFCA, 'menuLockPeriod');
    expect(lastAlert()).toMatch(/^Only a coordinator of project "imagine" locks a period/);

    box().answerNextPrompt('OK', 'PY1');
    box().answerNextPrompt('OK', 'D4.2, submitted 2023-10-30');
    await box().run(COORDINATOR, 'menuLockPeriod');
    expect(lastAlert()).toMatch(/^PY1 is locked since \S+ for D4\.2, submitted 2023-10-30: partners' edits/);
    expect(lastAlert()).toContain("The Metrics tab's protection now follows the locks.");

    const p2 = cellOf('ifca-cpu', 'cpu-hours', 'P2');
    await expect(box().typeAs(IFCA, p2.a1, '400000')).rejects.toThrow('protected cell');
    // The next period stays the partner's.
    await box().typeAs(IFCA, cellOf('ifca-cpu', 'users', 'P3').a1, '18');

    // Someone removed the protection: the backend refuses the value all the same.
    expect(box().unprotect(p2.a1)).toBeGreaterThan(0);
    await box().typeAs(IFCA, p2.a1, '400000', { reportEditor: true });
    expect(paintOf(p2).note).toContain('is locked since');
    expect(paintOf(p2).note).toContain('for D4.2, submitted 2023-10-30');
    expect((await addon.history('ifca-cpu', 'cpu-hours', 'P2')).at(-1)).toMatchObject({
      raw: '400000',
      status: 'rejected',
      current: false,
      editor: IFCA,
    });
  });
});
