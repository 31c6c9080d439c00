import { OUTCOME_COLOURS } from '../../functions/sheets/layout/anchors';
import { COORDINATOR, IFCA } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';
import { type GatedBackend, startGatedBackend } from './support/gated-backend';

/**
 * Something other than the API answers: a proxy's HTML 502, or a web page with status 200 (a captive
 * portal, a mistyped backend URL). The BUNDLED add-on in the Apps Script sandbox must keep live edits
 * in the outbox and tell people a sentence, never markup or a TypeError.
 */
jest.setTimeout(180_000);

const ENTRIES = /\/entries$/;
const ACCESS = /\/access$/;
const PROXY_502 =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
const WEB_PAGE_200 =
  '<!DOCTYPE html><html><head><title>Example Domain</title></head><body>Hello</body></html>';

const addon = useAddonSandboxStack();
const { box, cellOf, paintOf, outboxItems, lastAlert } = addon;

describe('a page that is not the API answers the add-on', () => {
  let gate: GatedBackend | undefined;
  beforeAll(async () => {
    gate = await startGatedBackend(() => addon.routerUrl);
  });
  afterAll(async () => {
    await gate?.close();
  });

  it.each([
    ['a proxy’s HTML 502', 502, PROXY_502, '"502 Bad Gateway"'],
    ['a web page with status 200', 200, WEB_PAGE_200, '"Example Domain"'],
  ])(
    '%s: the live edit waits in the outbox, painted pending with a readable note',
    async (_, status, body, gist) => {
      if (gate === undefined) throw new Error('no gate');
      await addon.coordinatorSetsUp({ via: gate.url });
      const cell = cellOf('ifca-cpu', 'cpu-hours', 'P3');
      const held = gate.holdNext('POST', ENTRIES);
      const edit = box().typeAs(IFCA, cell.a1, '2,345');
      await held.arrived;
      held.release({ status, body });
      await edit;

      const paint = paintOf(cell);
      expect(paint.background).toBe(OUTCOME_COLOURS.pending);
      expect(paint.note).toMatch(/^Pending, will be sent/);
      expect(paint.note).toContain(gist);
      expect(paint.note).not.toContain('<');
      expect(outboxItems().map((item) => item.submission.raw)).toEqual(['2,345']);
    },
  );

  it('a menu item answered by a web page says so in a sentence', async () => {
    if (gate === undefined) throw new Error('no gate');
    await addon.coordinatorSetsUp({ via: gate.url });
    const held = gate.holdNext('GET', ACCESS);
    const run = box().run(COORDINATOR, 'menuValidateWholeSheet');
    await held.arrived;
    held.release({ status: 200, body: WEB_PAGE_200 });
    await run;
    expect(lastAlert()).toContain('Nothing was validated');
    expect(lastAlert()).toContain('"Example Domain"');
    expect(lastAlert()).toContain('check the backend URL in Settings');
    expect(lastAlert()).not.toMatch(/Cannot read|undefined|</);
  });
});
