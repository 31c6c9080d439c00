import { apiPaths } from '../../../functions/contract/contract';
import { COORDINATOR, IFCA, useApiServer } from './api-test-server';

/** POST …/config/starter, what "Create project..." asks first: one creation, by a person the deployment names. */
describe('POST /v1/projects/{id}/config/starter', () => {
  const api = useApiServer();
  const creator = 'new-coordinator@imagine.example.org';

  it('creates the project with a starter configuration naming its creator the only coordinator', async () => {
    const created = await api.call('POST', apiPaths.configStarter('north-sea'), { as: creator });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ projectId: 'north-sea', revision: expect.any(String) });
    const stored = await api.call('GET', apiPaths.config('north-sea'), { as: creator });
    expect(stored.status).toBe(200);
    expect(stored.body.config.project).toMatchObject({ id: 'north-sea', coordinators: [creator] });
    expect(stored.body.config.installations).toHaveLength(1);
  });

  it('answers 409 for a project that exists, and leaves it as it was', async () => {
    await api.seedExample();
    // Status and body only: the response's Date header moves when a second ticks between the two reads.
    const storedConfig = async () => {
      const { status, body } = await api.call('GET', apiPaths.config('imagine'), { as: COORDINATOR });
      return { status, body };
    };
    const before = await storedConfig();
    const again = await api.call('POST', apiPaths.configStarter('imagine'), { as: creator });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('already exists');
    expect(await storedConfig()).toEqual(before);
  });

  it('refuses a person the deployment does not let create projects, naming PROJECT_CREATORS', async () => {
    const outsider = 'someone@elsewhere.example.net';
    const refused = await api.call('POST', apiPaths.configStarter('north-sea'), { as: outsider });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('PROJECT_CREATORS');
    expect((await api.call('GET', apiPaths.config('north-sea'), { as: IFCA })).status).toBe(404);
  });

  it('refuses a project id that is not a slug, saying what is expected', async () => {
    const refused = await api.call('POST', apiPaths.configStarter('North Sea'), { as: creator });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('found "North Sea"');
  });
});
