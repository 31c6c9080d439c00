import { countDynamoRequests, type DynamoRequestCounter } from '../../../bench/dynamo-request-counter';
import { apiPaths } from '../../../functions/contract/contract';
import { listPeriods } from '../../../functions/domain/calendar/reporting-period';
import type { ProjectConfig } from '../../../functions/domain/config/project-config-schema';
import { ConfigStore } from '../../../functions/storage/config-store';
import { COORDINATOR, EXAMPLE, IFCA, NOW, useApiServer } from './api-test-server';

const PROJECT = EXAMPLE.config.project.id;
const NUMBER_KINDS = new Set(['hours', 'tb-month', 'count']);

/** Every request the API's container sends to DynamoDB, counted on its own client. */
describe('the edit path: requests per edit, requestId reuse, neighbours re-checked, config changes', () => {
  let counter: DynamoRequestCounter | undefined;
  const api = useApiServer({
    overrides: () => {
      const doc = api.harness.newClient();
      counter = countDynamoRequests(doc);
      return { doc };
    },
  });
  const requests = () => counter?.total() ?? Number.NaN;
  const post = (body: unknown, as = COORDINATOR) => api.call('POST', apiPaths.entries(PROJECT), { as, body });
  const putConfig = (config: unknown) =>
    api.call('PUT', apiPaths.config(PROJECT), { as: COORDINATOR, body: config });
  const cpu = (periodId: string, raw: unknown) => ({
    installationId: 'ifca-cpu',
    metricId: 'cpu-hours',
    periodId,
    raw,
  });

  it('answers 409 when a requestId comes back with another value, and replays the same one', async () => {
    expect((await putConfig(EXAMPLE.configBody)).status).toBeLessThan(300);
    const first = await post(
      { requestId: 'edit-1', cells: [{ ...cpu('P1', 1000), cell: 'Metrics!D7' }] },
      IFCA,
    );
    expect(first.status).toBe(200);

    const replay = await post(
      { requestId: 'edit-1', cells: [{ ...cpu('P1', 1000), cell: 'Metrics!D7' }] },
      IFCA,
    );
    expect(replay.status).toBe(200);
    expect(replay.body.outcomes[0].version).toBe(first.body.outcomes[0].version);

    const reused = await post(
      { requestId: 'edit-1', cells: [{ ...cpu('P1', 2000), cell: 'Metrics!D7' }] },
      IFCA,
    );
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('request-id-reused');
    expect(reused.body.message).toMatch(/"edit-1" was already used for a different value of Metrics!D7/);
    expect(reused.body.message).toMatch(/new requestId/);
    const current = await api.call('GET', apiPaths.currentEntries(PROJECT, 'P1'), { as: IFCA });
    expect(
      current.body.entries.find((entry: { metricId: string }) => entry.metricId === 'cpu-hours'),
    ).toMatchObject({ raw: 1000, version: 1 });
  });

  it('re-checks the next period when a period is corrected: its stored warning no longer quotes the old value', async () => {
    expect((await putConfig(EXAMPLE.configBody)).status).toBeLessThan(300);
    await post({ cells: [cpu('P1', 1000)] });
    const jump = await post({ cells: [cpu('P2', 50000)] });
    expect(jump.body.outcomes[0]).toMatchObject({ status: 'warning' });
    expect(jump.body.outcomes[0].issues.map((issue: { ruleId: string }) => issue.ruleId)).toContain(
      'sudden-jump',
    );

    const corrected = await post({ cells: [cpu('P1', 40000)] });

    expect(corrected.status).toBe(200);
    expect(corrected.body.revalidated).toEqual([
      expect.objectContaining({
        installationId: 'ifca-cpu',
        metricId: 'cpu-hours',
        periodId: 'P2',
        status: 'accepted',
        issues: [],
      }),
    ]);
    const p2 = await api.call('GET', apiPaths.currentEntries(PROJECT, 'P2'), { as: COORDINATOR });
    const stored = p2.body.entries.find((entry: { metricId: string }) => entry.metricId === 'cpu-hours');
    expect(stored).toMatchObject({ raw: 50000, version: 1, status: 'accepted' });
    expect(JSON.stringify(stored)).not.toMatch(/sudden-jump|1,000/);

    // And back: a correction that makes P2 a jump again warns it again, quoting the new value.
    const again = await post({ cells: [cpu('P1', 2000)] });
    expect(again.body.revalidated).toEqual([
      expect.objectContaining({
        periodId: 'P2',
        status: 'warning',
        message: expect.stringContaining('2,000'),
      }),
    ]);
  });

  it('costs at most 2 DynamoDB requests for a single-cell edit once the configuration is cached', async () => {
    expect((await putConfig(EXAMPLE.configBody)).status).toBeLessThan(300);
    await post({ cells: [cpu('P1', 1000)] });
    counter?.reset();

    const edit = await post({
      cells: [{ installationId: 'incd-gpu', metricId: 'gpu-hours', periodId: 'P2', raw: 500 }],
    });

    expect(edit.status).toBe(200);
    expect(edit.body.outcomes[0].version).toBe(1);
    expect(counter?.byCommand()).toEqual([
      ['BatchGetItemCommand', 1],
      ['TransactWriteItemsCommand', 1],
    ]);
    expect(requests()).toBeLessThanOrEqual(2);
  });

  it('lets edits arriving together share their reads and writes, each still answered for its own cell', async () => {
    expect((await putConfig(EXAMPLE.configBody)).status).toBeLessThan(300);
    await post({ cells: [cpu('P1', 1000)] });
    const cells = EXAMPLE.config.installations
      .flatMap((installation) =>
        installation.metrics
          .filter((metric) => NUMBER_KINDS.has(metric.kind))
          .map((metric) => ({ installationId: installation.id, metricId: metric.id, periodId: 'P2' })),
      )
      .slice(0, 12)
      .map((cell, index) => ({ ...cell, raw: 700 + index }));
    counter?.reset();

    const answers = await Promise.all(cells.map((cell) => post({ cells: [cell] })));

    expect(answers.map((answer) => answer.status)).toEqual(cells.map(() => 200));
    expect(answers.map((answer) => answer.body.outcomes[0].value)).toEqual(
      cells.map((cell) => ({ type: 'number', value: cell.raw })),
    );
    expect(requests()).toBeLessThan(cells.length * 2);
    const reads = counter?.byCommand().find(([command]) => command === 'BatchGetItemCommand')?.[1] ?? 0;
    expect(reads).toBeLessThan(cells.length);
  });

  it('notices a configuration saved by another process at the next edit', async () => {
    expect((await putConfig(EXAMPLE.configBody)).status).toBeLessThan(300);
    const newMetric = { installationId: 'ifca-cpu', metricId: 'jobs', periodId: 'P1', raw: 12 };
    const before = await post({ cells: [newMetric] });
    expect(before.body.outcomes[0].issues[0].ruleId).toBe('unknown-metric');

    const changed: ProjectConfig = {
      ...EXAMPLE.config,
      installations: EXAMPLE.config.installations.map((installation) =>
        installation.id !== 'ifca-cpu'
          ? installation
          : {
              ...installation,
              metrics: [
                ...installation.metrics,
                { id: 'jobs', label: 'Jobs run', kind: 'count', unit: 'jobs', aggregation: 'sum' },
              ],
            },
      ),
    } as ProjectConfig;
    // Another process: its own store, so this server's cache is not told.
    await new ConfigStore(api.harness.doc, api.harness.tableName).save(changed, COORDINATOR);

    const after = await post({ cells: [newMetric] });
    expect(after.status).toBe(200);
    expect(after.body.outcomes[0]).toMatchObject({ status: 'accepted', version: 1 });
  });

  it('validates again with a configuration another process saved while its cells were in memory', async () => {
    expect((await putConfig(EXAMPLE.configBody)).status).toBeLessThan(300);
    expect((await post({ cells: [cpu('P1', 1000)] })).body.outcomes[0]).toMatchObject({ status: 'accepted' });
    // Another process lowers the CPU-hours budget and baseline to 100: 5,000 becomes far above them.
    const lowered = {
      ...EXAMPLE.config,
      project: {
        ...EXAMPLE.config.project,
        budgets: EXAMPLE.config.project.budgets.map((budget) =>
          budget.id === 'cpu-hours' ? { ...budget, amount: 100 } : budget,
        ),
      },
      installations: EXAMPLE.config.installations.map((installation) =>
        installation.id !== 'ifca-cpu'
          ? installation
          : {
              ...installation,
              metrics: installation.metrics.map((metric) =>
                metric.id === 'cpu-hours' ? { ...metric, baseline: '100' } : metric,
              ),
            },
      ),
    } as ProjectConfig;
    await new ConfigStore(api.harness.doc, api.harness.tableName).save(lowered, COORDINATOR);
    counter?.reset();

    const edit = await post({ cells: [cpu('P1', 5000)] });

    expect(edit.status).toBe(200);
    expect(edit.body.outcomes[0]).toMatchObject({ status: 'warning', version: 2 });
    expect(edit.body.outcomes[0].issues.map((issue: { ruleId: string }) => issue.ruleId)).toContain(
      'far-above-reference',
    );
    // The transaction checked the revision the edit was validated with, and was refused.
    expect(new Map(counter?.byCommand()).get('TransactWriteItemsCommand')).toBe(2);
    const history = await api.call('GET', apiPaths.history(PROJECT, 'ifca-cpu', 'cpu-hours', 'P1'), {
      as: COORDINATOR,
    });
    expect(history.body.items.map((record: { version: number }) => record.version)).toEqual([1, 2]);
  });

  it('stores a pasted block of 500 new cells with at most 30 DynamoDB requests', async () => {
    const copies = 8;
    const big = {
      ...EXAMPLE.config,
      installations: Array.from({ length: copies }, (_, copy) =>
        EXAMPLE.config.installations.map((installation) => ({
          ...installation,
          id: `${installation.id}-${copy}`,
        })),
      ).flat(),
    };
    expect((await putConfig(big)).status).toBeLessThan(300);
    const started = listPeriods(big.project).filter((period) => period.start <= NOW);
    const cells = big.installations
      .flatMap((installation) =>
        installation.metrics
          .filter((metric) => NUMBER_KINDS.has(metric.kind))
          .flatMap((metric) =>
            started.map((period) => ({
              installationId: installation.id,
              metricId: metric.id,
              periodId: period.id,
            })),
          ),
      )
      .map((cell, index) => ({ ...cell, raw: 100 + index }));
    const [warmup, ...rest] = cells;
    await post({ cells: [warmup] });
    const paste = rest.slice(0, 500);
    expect(paste).toHaveLength(500);
    counter?.reset();

    const posted = await post({ requestId: 'paste-1', cells: paste });

    expect(posted.status).toBe(200);
    expect(
      posted.body.outcomes.filter((outcome: { version: number | null }) => outcome.version === 1),
    ).toHaveLength(500);
    expect(requests()).toBeLessThanOrEqual(30);
    // Every cell versioned and idempotent: the same paste again stores nothing more.
    const again = await post({ requestId: 'paste-1', cells: paste });
    expect(again.body.outcomes.map((outcome: { version: number }) => outcome.version)).toEqual(
      paste.map(() => 1),
    );
    const history = await api.call(
      'GET',
      apiPaths.history(
        PROJECT,
        paste[499]?.installationId ?? '',
        paste[499]?.metricId ?? '',
        paste[499]?.periodId ?? '',
      ),
      { as: COORDINATOR },
    );
    expect(history.body.items).toHaveLength(1);
  }, 60_000);
});

describe('the edit path: cells seen a moment ago stand in for a read (RECENT_CELLS_MS)', () => {
  let counter: DynamoRequestCounter | undefined;
  const edits = (env: Record<string, string>) => {
    const api = useApiServer({
      env,
      overrides: () => {
        const doc = api.harness.newClient();
        counter = countDynamoRequests(doc);
        return { doc };
      },
    });
    return api;
  };
  const cpu = (periodId: string, raw: number) => ({
    installationId: 'ifca-cpu',
    metricId: 'cpu-hours',
    periodId,
    raw,
  });
  /** The example's configuration saved, then a poster of cells as the coordinator. */
  const configured = async (api: ReturnType<typeof edits>) => {
    await api.call('PUT', apiPaths.config(PROJECT), { as: COORDINATOR, body: EXAMPLE.configBody });
    return (cells: unknown[]) =>
      api.call('POST', apiPaths.entries(PROJECT), { as: COORDINATOR, body: { cells } });
  };

  describe('with a window of 10 s', () => {
    const api = edits({ RECENT_CELLS_MS: '10000' });

    it('stores the next edit of a cell it saw with one TransactWriteItems and no read', async () => {
      const post = await configured(api);
      await post([cpu('P1', 1000)]);
      await post([cpu('P2', 1100)]);
      counter?.reset();

      const again = await post([cpu('P2', 30000)]);

      expect(again.body.outcomes[0]).toMatchObject({ status: 'warning', version: 2 });
      // Compared with P1 as this instance wrote it, without reading it again.
      expect(again.body.outcomes[0].message).toMatch(/1,000/);
      expect(counter?.byCommand()).toEqual([['TransactWriteItemsCommand', 1]]);
    });
  });

  describe('with RECENT_CELLS_MS=0', () => {
    const api = edits({ RECENT_CELLS_MS: '0' });

    it('reads the cells and the revision for every edit', async () => {
      const post = await configured(api);
      await post([cpu('P1', 1000)]);
      counter?.reset();

      await post([cpu('P1', 1100)]);

      expect(new Map(counter?.byCommand()).get('BatchGetItemCommand')).toBe(1);
    });
  });
});
