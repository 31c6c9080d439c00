import type { SummaryResponse } from '../../../functions/contract/contract';
import type { WindowSummary } from '../../../functions/domain/summary/window-summary';
import { COORDINATOR, EXAMPLE, IFCA, useApiServer } from './api-test-server';

const api = useApiServer();
const base = '/v1/projects/imagine';

describe('what a coordinator reads, they can write back', () => {
  beforeEach(async () => {
    expect(
      (await api.call('PUT', `${base}/config`, { as: COORDINATOR, body: EXAMPLE.configBody })).status,
    ).toBe(201);
  });

  it("takes GET config's {config, revision} answer back on PUT, edited, and stores the edit", async () => {
    const read = await api.call('GET', `${base}/config`, { as: COORDINATOR });
    // The revision rides along so that the write back is refused if someone else saved meanwhile.
    expect(Object.keys(read.body).sort()).toEqual(['config', 'revision']);
    read.body.config.project.title = 'iMagine (round trip)';
    const written = await api.call('PUT', `${base}/config`, { as: COORDINATOR, body: read.body });
    expect(written.status).toBe(200);
    const again = await api.call('GET', `${base}/config`, { as: IFCA });
    expect(again.body.config.project.title).toBe('iMagine (round trip)');
    expect(again.body).toEqual(written.body);
  });

  it('still takes the bare configuration', async () => {
    const bare = await api.call('PUT', `${base}/config`, { as: COORDINATOR, body: EXAMPLE.configBody });
    expect(bare.status).toBe(200);
  });

  it.each([
    [
      'a wrapped config with a bad field',
      { config: { project: { id: 'imagine' }, installations: [] } },
      'project, field startDate',
    ],
    ['something that is no config at all', { settings: {} }, 'project'],
    [
      'a config of another project',
      {
        config: { ...EXAMPLE.config, project: { ...EXAMPLE.config.project, id: 'other' } },
      },
      '"other"',
    ],
  ])('answers 400 invalid-config, naming the field, for %s', async (_, body, field) => {
    const result = await api.call('PUT', `${base}/config`, { as: COORDINATOR, body });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('invalid-config');
    expect(result.body.message).toContain(field);
  });
});

describe('GET drafts before any were generated', () => {
  beforeEach(async () => {
    await api.seedExample();
  });

  it('answers an empty list with a hint naming the POST that generates them, then the drafts without it', async () => {
    const before = await api.call('GET', `${base}/drafts?period=PY1`, { as: IFCA });
    expect(before.status).toBe(200);
    expect(before.body.drafts).toEqual([]);
    expect(before.body.hint).toContain('POST /v1/projects/imagine/drafts?period=PY1');

    expect((await api.call('POST', `${base}/drafts?period=PY1`, { as: COORDINATOR })).status).toBe(200);
    const after = await api.call('GET', `${base}/drafts?period=PY1`, { as: IFCA });
    expect(after.body.drafts).toHaveLength(11);
    expect(after.body.hint).toBeUndefined();
  });
});

describe('GET summary says each budget once', () => {
  beforeEach(async () => {
    await api.seedExample();
  });

  it('lists the one-budget "storage" group once, in headlines and in the summary', async () => {
    const result = await api.call('GET', `${base}/summary?period=PY1`, { as: COORDINATOR });
    expect(result.status).toBe(200);
    const { headlines, summary: plain } = result.body as SummaryResponse;
    const summary = plain as WindowSummary;
    expect(headlines.filter((headline) => headline.startsWith('storage:'))).toHaveLength(1);
    const usages = [...summary.budgets, ...summary.budgetGroups];
    expect(usages.filter((usage) => usage.label === 'storage')).toHaveLength(1);
    expect(summary.budgetGroups.map((group) => group.id)).toEqual(['compute']);
  });
});
