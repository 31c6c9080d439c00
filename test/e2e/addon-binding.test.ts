import { apiPaths } from '../../functions/contract/contract';
import { LOCAL_SERVICE_ACCOUNT_EMAIL } from '../../local/sheets-api';
import { COORDINATOR } from '../integration/api/api-test-server';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';

/**
 * The add-on binds the open spreadsheet by proving, as the coordinator inside it, that they
 * can edit it (a one-time value written as developer metadata the backend reads back).
 */
jest.setTimeout(120_000);

const CHALLENGE_KEY = 'va-assess:binding-challenge';

describe('the add-on binds the open spreadsheet by proving the coordinator can edit it', () => {
  const addon = useAddonSandboxStack();
  const { stack, box } = addon;
  const challengesLeft = async () =>
    ((await stack.readAll(addon.spreadsheetId)).developerMetadata ?? []).filter(
      (metadata) => metadata.metadataKey === CHALLENGE_KEY,
    );

  it('binds on Set up and leaves no challenge in the spreadsheet', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false });

    const sheet = await stack.api.call('GET', apiPaths.sheet('imagine'), { as: COORDINATOR });
    expect(sheet.body).toMatchObject({ spreadsheetId: addon.spreadsheetId, boundBy: COORDINATOR });
    expect(
      box()
        .fetches()
        .map((fetch) => `${fetch.method} ${new URL(fetch.url).pathname}`)
        .filter((call) => call.includes('/sheet')),
    ).toEqual([
      'POST /v1/projects/imagine/sheet/challenge',
      'PUT /v1/projects/imagine/sheet',
      'POST /v1/projects/imagine/sheet/setup',
      // After each setup, the Status tab of the current period (issue 19).
      'POST /v1/projects/imagine/sheet/status',
    ]);
    expect(await challengesLeft()).toEqual([]);
  });

  it('removes its challenge when the backend refuses the binding, and says why', async () => {
    await addon.coordinatorSetsUp({ liveValidation: false });
    stack.sheetsApi.unshare(addon.spreadsheetId, LOCAL_SERVICE_ACCOUNT_EMAIL);

    await box().run(COORDINATOR, 'menuSetUpSheet');

    expect(addon.lastAlert()).toContain(
      `The reporting sheet was not set up: Share the spreadsheet ${addon.spreadsheetId} with ${LOCAL_SERVICE_ACCOUNT_EMAIL}`,
    );
    expect(await challengesLeft()).toEqual([]);
  });
});
