import { OUTCOME_COLOURS } from '../../functions/sheets/layout/anchors';
import { IFCA } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';

/**
 * A partner corrects P1: the API checks P2 again (its sudden-change warning compares it with P1) and
 * names it in its answer; the BUNDLED add-on repaints P2's colour and note, so the sheet never shows a
 * warning that quotes a P1 value which is gone.
 */
jest.setTimeout(120_000);

describe('a corrected period repaints the next one, in the Apps Script sandbox', () => {
  const addon = useAddonSandboxStack();
  const { box, cellOf, paintOf } = addon;

  it('warns P2 when a P1 correction makes it a sudden rise, and clears the warning when P1 is put back', async () => {
    await addon.coordinatorSetsUp();
    const p1 = cellOf('ifca-cpu', 'cpu-hours', 'P1');
    const p2 = cellOf('ifca-cpu', 'cpu-hours', 'P2');
    expect(paintOf(p2).background).not.toBe(OUTCOME_COLOURS.warning);

    await box().typeAs(IFCA, p1.a1, '30000');

    expect(paintOf(p2).background).toBe(OUTCOME_COLOURS.warning);
    expect(paintOf(p2).note).toContain('Read: "393,888"');
    expect(paintOf(p2).note).toContain('30,000');

    await box().typeAs(IFCA, p1.a1, '94656');

    expect(paintOf(p2).background).toBe(OUTCOME_COLOURS.accepted);
    expect(paintOf(p2).note).not.toContain('30,000');
  });
});
