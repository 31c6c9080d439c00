import { apiPaths } from '../../../functions/contract/api-paths';
import { COORDINATOR, EXAMPLE, useApiServer } from './api-test-server';

const api = useApiServer();
const OUTSIDER = 'stranger@elsewhere.example.net';
const installationIds = EXAMPLE.config.installations.map((installation) => installation.id);

/** Every installation id of the example that a text mentions. */
const namedInstallations = (text: string) => installationIds.filter((id) => text.includes(id));

describe('an outsider learns nothing about a project', () => {
  beforeEach(() => api.seedExample());

  it.each([
    ['PUT', apiPaths.draft('imagine', 'zzz', 'P1'), { text: 'mine' }],
    ['PUT', apiPaths.draft('imagine', installationIds[0] ?? '', 'P1'), { text: 'mine' }],
    ['POST', apiPaths.drafts('imagine', 'P1'), undefined],
    ['GET', apiPaths.drafts('imagine', 'P1'), undefined],
    ['GET', apiPaths.config('imagine'), undefined],
    ['GET', apiPaths.sheet('imagine'), undefined],
    ['GET', apiPaths.summary('imagine', 'P1'), undefined],
    ['GET', apiPaths.history('imagine', 'zzz', 'cpu-hours', 'P1'), undefined],
  ])('%s %s answers 403 naming no installation', async (method, path, body) => {
    const answer = await api.call(method, path, { as: OUTSIDER, ...(body === undefined ? {} : { body }) });

    expect(answer.status).toBe(403);
    expect(namedInstallations(JSON.stringify(answer.body))).toEqual([]);
  });

  it('still tells a member which installations exist when they name an unknown one', async () => {
    const answer = await api.call('PUT', apiPaths.draft('imagine', 'zzz', 'P1'), {
      as: COORDINATOR,
      body: { text: 'mine' },
    });
    expect(answer.status).toBe(404);
    expect(namedInstallations(answer.body.message as string)).toEqual(installationIds);
  });
});
