import { apiPaths } from '../../../functions/contract/api-paths';
import { COORDINATOR, EXAMPLE, IFCA, useApiServer } from './api-test-server';

/**
 * POST .../contacts without a bound spreadsheet: members learn the coordinators, nobody else learns
 * anything (the proof path for an editor of the bound spreadsheet: test/e2e/docs-pictures.test.ts).
 */
const api = useApiServer();
const SPREADSHEET = { spreadsheetId: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd' };

describe('the coordinators, for whom to ask', () => {
  beforeEach(async () => {
    expect(
      (await api.call('PUT', apiPaths.config('imagine'), { as: COORDINATOR, body: EXAMPLE.configBody }))
        .status,
    ).toBe(201);
  });

  it('are told to a member', async () => {
    const answer = await api.call('POST', apiPaths.contacts('imagine'), { as: IFCA, body: SPREADSHEET });
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 200,
      body: { projectId: 'imagine', coordinators: [COORDINATOR] },
    });
  });

  it('are not told to a stranger, who cannot get a challenge for a spreadsheet that is not the bound one either', async () => {
    const stranger = 'stranger@elsewhere.example.org';
    const refusal = {
      code: 'forbidden',
      message: `${stranger} is neither a coordinator nor an editor of project "imagine"`,
    };
    for (const path of [apiPaths.contacts('imagine'), apiPaths.contactsChallenge('imagine')]) {
      const answer = await api.call('POST', path, { as: stranger, body: SPREADSHEET });
      expect({ path, status: answer.status, body: answer.body }).toEqual({
        path,
        status: 403,
        body: refusal,
      });
    }
  });

  it('refuses a body without a spreadsheet id, naming the field', async () => {
    const answer = await api.call('POST', apiPaths.contacts('imagine'), { as: IFCA, body: {} });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('spreadsheetId');
  });
});
