import { OUTCOME_COLOURS } from '../../functions/sheets/layout/anchors';
import type { ActionReport, ConnectionReport, SettingsView } from '../../sheets-addon/shared/ui-types';
import { COORDINATOR, IFCA } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';

/**
 * The bundle reaches only the backend it was built for. In the sandbox the router is
 * served over TLS (a certificate made for this run), the bundle is built with that address as its
 * --url-prefix, and the Apps Script double refuses every other fetch as Apps Script does.
 */
jest.setTimeout(120_000);

const BACKEND_KEY = 'va-assess.backendUrl';

describe('the add-on reaches only the backend its build allowlists', () => {
  const addon = useAddonSandboxStack();
  const { box, cellOf, paintOf } = addon;

  it('talks to its backend over https only: every request of the set-up and of an edit goes to the built backend', async () => {
    await addon.coordinatorSetsUp();
    const cell = cellOf('ifca-cpu', 'users', 'P3');
    await box().typeAs(IFCA, cell.a1, '12');
    expect(paintOf(cell).background).toBe(OUTCOME_COLOURS.accepted);
    const urls = box()
      .fetches()
      .map((fetch) => fetch.url);
    expect(urls.length).toBeGreaterThan(2);
    expect(urls.filter((url) => !url.startsWith(`${addon.backendUrl}/`))).toEqual([]);
    expect(addon.backendUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('Settings show the built backend and refuse any other one with a sentence, keeping what was saved', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false });
    const loaded = (await box().run(COORDINATOR, 'settingsLoad')) as SettingsView;
    expect(loaded).toMatchObject({ backendUrl: addon.backendUrl, builtFor: `${addon.backendUrl}/` });
    const foreign: [string, RegExp][] = [
      ['https://api.example.org', /was built for .* Another backend means another build/],
      // The same router, without TLS: Apps Script fetches nothing over http.
      [addon.routerUrl, /expected an https address/],
    ];
    for (const [backendUrl, why] of foreign) {
      const saved = (await box().run(COORDINATOR, 'settingsSave', {
        backendUrl,
        projectId: 'imagine',
      })) as ActionReport;
      expect(saved.ok).toBe(false);
      expect(saved.message).toMatch(/^Backend URL: /);
      expect(saved.message).toContain(backendUrl);
      expect(saved.message).toMatch(why);
      const tested = (await box().run(COORDINATOR, 'settingsTestConnection', {
        backendUrl,
        projectId: 'imagine',
      })) as ConnectionReport;
      expect(tested).toEqual({ ok: false, lines: [saved.message], serviceAccountEmail: '' });
    }
    expect(box().documentProperties()[BACKEND_KEY]).toBe(addon.backendUrl);
    const message = (
      (await box().run(COORDINATOR, 'settingsSave', {
        backendUrl: 'https://api.example.org',
        projectId: 'imagine',
      })) as ActionReport
    ).message;
    expect(message).toContain(`built for ${addon.backendUrl}/`);
    expect(message).toContain('Another backend means another build');
  });

  it('a backend set around Settings is refused by UrlFetchApp as in Apps Script: the edit waits, grey, nothing stored', async () => {
    await addon.coordinatorSetsUp();
    // Someone with the script editor wrote the plain-http router into the document properties.
    addon.box().host.propertyStore('document', addon.spreadsheetId).set(BACKEND_KEY, addon.routerUrl);
    const before = box().fetches().length;
    const cell = cellOf('ifca-cpu', 'users', 'P3');
    await box().typeAs(IFCA, cell.a1, '12');
    expect(paintOf(cell).background).toBe(OUTCOME_COLOURS.pending);
    expect(box().fetches().slice(before)).toEqual([]);
    expect(paintOf(cell).note).toContain('not been whitelisted');
    expect(
      (await addon.current('P3')).filter((entry) => entry.installationId === 'ifca-cpu'),
    ).not.toContainEqual(expect.objectContaining({ metricId: 'users', raw: '12' }));
  });
});
