import { apiPaths } from '../../../functions/contract/api-paths';
import type { ConfigResponse } from '../../../functions/contract/contract';
import type { ProjectConfig } from '../../../functions/domain/config/project-config-schema';
import { exampleConfigBody } from '../../fixtures/example-config';
import { COORDINATOR, EXAMPLE, IFCA, useApiServer } from './api-test-server';

const api = useApiServer();
const base = apiPaths.config('imagine');

describe('configuration writes', () => {
  it('saves one of two concurrent writes from the same revision, answers 409 to the other, and every route still works', async () => {
    await api.seedExample();
    const read = await api.call('GET', base, { as: COORDINATOR });
    expect(read.status).toBe(200);
    const revision = read.body.revision as string;
    expect(read.headers.get('etag')).toBe(`"${revision}"`);

    const dropping = structuredClone(read.body) as ConfigResponse;
    const removed = dropping.config.installations.splice(0, 2).map((installation) => installation.id);
    const renaming = structuredClone(read.body) as ConfigResponse;
    renaming.config.project.title = 'iMagine (renamed)';

    const answers = await Promise.all([
      api.call('PUT', base, { as: COORDINATOR, body: dropping }),
      api.call('PUT', base, { as: COORDINATOR, body: renaming }),
    ]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409);
    const current = await api.call('GET', base, { as: COORDINATOR });
    expect(refused?.body).toMatchObject({
      code: 'config-changed',
      message: expect.stringContaining('Someone else changed the configuration'),
      details: { expectedRevision: revision, currentRevision: current.body.revision },
    });
    const kept = current.body.config as ProjectConfig;
    const droppedWon = answers[0]?.status === 200;
    expect(kept.installations.some((installation) => removed.includes(installation.id))).toBe(!droppedWon);
    for (const path of [
      base,
      apiPaths.summary('imagine', 'P1'),
      apiPaths.access('imagine'),
      apiPaths.currentEntries('imagine', 'P1'),
      apiPaths.calendar('imagine'),
    ]) {
      expect({ path, status: (await api.call('GET', path, { as: COORDINATOR })).status }).toEqual({
        path,
        status: 200,
      });
    }
  });

  it('refuses a write from a revision that is no longer current, sent as If-Match', async () => {
    await api.seedExample();
    const read = await api.call('GET', base, { as: COORDINATOR });
    const changed = exampleConfigBody();
    changed.project.title = 'First change';
    expect((await api.call('PUT', base, { as: COORDINATOR, body: changed })).status).toBe(200);

    changed.project.title = 'Second change, from the old revision';
    const stale = await api.call('PUT', base, {
      as: COORDINATOR,
      body: changed,
      headers: { 'if-match': read.headers.get('etag') ?? '' },
    });

    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('config-changed');
    expect((await api.call('GET', base, { as: COORDINATOR })).body.config.project.title).toBe('First change');
  });

  it('creates a new project for exactly one of ten concurrent callers', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.call('PUT', base, {
          as: COORDINATOR,
          body: EXAMPLE.configBody,
          headers: { 'if-none-match': '*' },
        }),
      ),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
    expect(answers.find((answer) => answer.status === 409)?.body.message).toContain('already exists');
  });

  it('refuses to create a project for a person the deployment does not name, and stores nothing', async () => {
    const outsider = 'someone@elsewhere.example.net';
    const body = exampleConfigBody();
    body.project.coordinators = [outsider];

    const put = await api.call('PUT', base, { as: outsider, body });

    expect(put.status).toBe(403);
    expect(put.body.message).toContain('may not create projects');
    expect(put.body.message).toContain('PROJECT_CREATORS');
    expect((await api.call('GET', base, { as: COORDINATOR })).status).toBe(404);
  });

  it('lets a partner read it, and refuses the partner a write, whatever the revision', async () => {
    await api.seedExample();
    const read = await api.call('GET', base, { as: IFCA });
    expect((await api.call('PUT', base, { as: IFCA, body: read.body })).status).toBe(403);
  });

  it('refuses a text the sheet cannot hold, naming the field and its limit, and keeps the stored one', async () => {
    await api.seedExample();
    const long = exampleConfigBody();
    const [first] = long.installations;
    if (first === undefined) throw new Error('the example has installations');
    first.description = 'x'.repeat(60_000);
    first.name = 'n'.repeat(50_001);

    const put = await api.call('PUT', base, { as: COORDINATOR, body: long });

    expect(put.status).toBe(400);
    expect(put.body.code).toBe('invalid-config');
    expect(put.body.details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^installation n+ \(installations\[0\]\), field description: expected at most 4000 characters.*found 60000$/,
        ),
        expect.stringMatching(
          /^installation n+ \(installations\[0\]\), field name: expected at most 200 characters.*found 50001$/,
        ),
      ]),
    );
    const stored = await api.call('GET', base, { as: COORDINATOR });
    expect((stored.body.config as ProjectConfig).installations[0]?.description).toBe(
      exampleConfigBody().installations[0]?.description,
    );
  });

  it('answers 400 with every problem at once, each naming the installation, metric and field, and stores nothing', async () => {
    await api.seedExample();
    const wrong = exampleConfigBody();
    const ifcaCpu = wrong.installations.find((installation) => installation.id === 'ifca-cpu');
    const [cpuHours, , , users] = ifcaCpu?.metrics ?? [];
    if (ifcaCpu === undefined || cpuHours === undefined || users === undefined) throw new Error('example');
    cpuHours.countsToward = 'cpu-hour';
    users.countsToward = 'cpu-hours';
    ifcaCpu.task = '';

    const put = await api.call('PUT', base, { as: COORDINATOR, body: wrong });

    expect(put.status).toBe(400);
    expect(put.body.code).toBe('invalid-config');
    const where = 'installation IFCA-CSIC Scientific Cloud – CPU (installations[2])';
    expect(put.body.details).toEqual([
      `${where}, field task: empty; expected a text`,
      `${where}, metric cpu-hours (metrics[0]), field countsToward: unknown budget "cpu-hour"; expected one of "cpu-hours", "gpu-hours", "storage-tb-month"`,
      `${where}, metric users (metrics[3]), field countsToward: a users metric counts toward budget "cpu-hours"; users are never summed across installations, so expected no countsToward`,
    ]);
    const stored = await api.call('GET', base, { as: COORDINATOR });
    expect((stored.body.config as ProjectConfig).installations[2]?.task).toBe(
      exampleConfigBody().installations[2]?.task,
    );
  });
});
