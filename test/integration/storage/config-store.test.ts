import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type ProjectConfig, projectConfigSchema } from '../../../functions/domain/config';
import { ConfigStore } from '../../../functions/storage/config-store';
import { keys } from '../../../infra/table-design';
import { useDynamoLocal } from '../support/dynamo-local-harness';
import { leaveUnprocessed, loseResponse } from '../support/fault-injection';

function exampleConfig(): ProjectConfig {
  const file = join(__dirname, '../../../examples/imagine-py1/config.json');
  const { $schema: _schema, ...config } = projectConfigSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return config;
}

/** The example with `count` installations, cloned from its first one, to need several batches. */
function configWith(count: number): ProjectConfig {
  const config = exampleConfig();
  const [template] = config.installations;
  if (template === undefined) throw new Error('the example has no installation');
  return {
    ...config,
    installations: Array.from({ length: count }, (_, index) => ({
      ...template,
      id: `site-${String(index).padStart(2, '0')}`,
      name: `Site ${index}`,
    })),
  };
}

describe('ConfigStore on DynamoDB Local', () => {
  const dynamo = useDynamoLocal();
  const store = () => new ConfigStore(dynamo.doc, dynamo.tableName, { batchWrite: { baseMs: 1, capMs: 5 } });

  it('round-trips the iMagine example configuration', async () => {
    const config = exampleConfig();
    await store().save(config, 'coordinator@imagine.example.org');

    expect(await store().load('imagine')).toEqual(config);
    expect(await store().lastUpdate('imagine')).toMatchObject({
      updatedBy: 'coordinator@imagine.example.org',
    });
  });

  it('has nothing for a project never saved', async () => {
    expect(await store().load('nobody')).toBeNull();
  });

  it('writes 30 installations in batches of 25, resending what DynamoDB left unprocessed', async () => {
    const config = configWith(30);
    const partial = leaveUnprocessed(dynamo.doc, 3);

    await store().save(config, 'coordinator@imagine.example.org');

    partial.remove();
    expect(partial.injected).toBe(3);
    // 2 chunks, and 3 extra rounds for the items held back.
    expect(partial.calls).toBe(5);
    const loaded = await store().load('imagine');
    expect(loaded?.installations.map((installation) => installation.id)).toEqual(
      config.installations.map((installation) => installation.id),
    );
  });

  it('gives up with a retryable error when items stay unprocessed', async () => {
    const stubborn = leaveUnprocessed(dynamo.doc, Number.POSITIVE_INFINITY);
    const limited = new ConfigStore(dynamo.doc, dynamo.tableName, {
      batchWrite: { maxAttempts: 3, baseMs: 1, capMs: 5 },
    });

    await expect(limited.save(configWith(20), 'coordinator@imagine.example.org')).rejects.toMatchObject({
      name: 'StorageUnavailableError',
      retryable: true,
    });
    stubborn.remove();
    expect(stubborn.calls).toBe(3);
  });

  it('keeps the replaced revision for readers that pinned it, and removes older ones on the next save', async () => {
    await store().save(configWith(30), 'coordinator@imagine.example.org');
    const smaller = configWith(30);
    smaller.installations = [...smaller.installations.slice(0, 3)].reverse();

    await store().save(smaller, 'coordinator@imagine.example.org');
    await store().save(smaller, 'coordinator@imagine.example.org');

    expect((await store().load('imagine'))?.installations.map((installation) => installation.id)).toEqual([
      'site-02',
      'site-01',
      'site-00',
    ]);
    const { Count } = await dynamo.doc.send(
      new QueryCommand({
        TableName: dynamo.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': 'PROJECT#imagine', ':prefix': 'CONFIG#REV#' },
        Select: 'COUNT',
      }),
    );
    // The current revision's 3 and the replaced one's 3; the first revision's 30 are gone.
    expect(Count).toBe(6);
  });

  it('refuses to hand out a stored config that no longer passes the schema', async () => {
    const revision = await store().save(exampleConfig(), 'coordinator@imagine.example.org');
    const broken = exampleConfig().installations[0];
    await dynamo.doc.send(
      new PutCommand({
        TableName: dynamo.tableName,
        Item: {
          pk: 'PROJECT#imagine',
          sk: keys.configRevisionInstallationSk(revision, broken?.id ?? ''),
          type: 'config-installation',
          installation: { ...broken, metrics: [] },
        },
      }),
    );

    await expect(store().load('imagine')).rejects.toMatchObject({
      name: 'InvalidConfigError',
      message: expect.stringContaining('installations.0.metrics'),
    });
  });

  it('reads a configuration stored before revisions had keys, and replaces it whole', async () => {
    const config = exampleConfig();
    const legacyAt = '2025-01-01T00:00:00.000Z';
    for (const installation of config.installations) {
      await dynamo.doc.send(
        new PutCommand({
          TableName: dynamo.tableName,
          Item: {
            pk: 'PROJECT#imagine',
            sk: keys.configInstallationSk(installation.id),
            type: 'config-installation',
            installation,
          },
        }),
      );
    }
    await dynamo.doc.send(
      new PutCommand({
        TableName: dynamo.tableName,
        Item: {
          pk: 'PROJECT#imagine',
          sk: keys.configProjectSk,
          type: 'config-project',
          project: config.project,
          installationIds: config.installations.map((installation) => installation.id),
          updatedBy: 'coordinator@imagine.example.org',
          updatedAt: legacyAt,
        },
      }),
    );
    const legacy = await store().loadSnapshot('imagine');
    expect(legacy).toEqual({ config, revision: `saved-at:${legacyAt}` });

    const smaller = { ...config, installations: config.installations.slice(0, 2) };
    await expect(store().save(smaller, 'a@imagine.example.org', 'saved-at:1999')).rejects.toMatchObject({
      name: 'ConfigRevisionConflictError',
    });
    await store().save(smaller, 'a@imagine.example.org', legacy?.revision ?? null);
    expect((await store().load('imagine'))?.installations).toEqual(smaller.installations);
  });

  it('lets one of two writers that read the same revision save; the other is refused and changes nothing', async () => {
    const first = await store().save(configWith(6), 'coordinator@imagine.example.org', null);
    const dropping = configWith(6);
    dropping.installations = dropping.installations.slice(0, 4);
    const renaming = configWith(6);
    renaming.installations = renaming.installations.map((installation) => ({
      ...installation,
      name: `${installation.name} (renamed)`,
    }));

    const outcomes = await Promise.allSettled([
      store().save(dropping, 'a@imagine.example.org', first),
      store().save(renaming, 'b@imagine.example.org', first),
    ]);

    const saved = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const current = await store().loadSnapshot('imagine');
    expect(refused[0]).toMatchObject({
      reason: {
        name: 'ConfigRevisionConflictError',
        current: current?.revision,
        message: expect.stringContaining('Someone else changed the configuration'),
      },
    });
    // Whichever won is stored whole.
    const winner = saved[0]?.status === 'fulfilled' && current?.revision === saved[0].value;
    expect(winner).toBe(true);
    expect([dropping, renaming]).toContainEqual(current?.config);
  });

  it('creates a project for exactly one of ten writers', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, index) =>
        store().save(configWith(2 + index), `c${index}@imagine.example.org`, null),
      ),
    );

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(9);
    const { Count } = await dynamo.doc.send(
      new QueryCommand({
        TableName: dynamo.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': 'PROJECT#imagine', ':prefix': 'CONFIG#REV#' },
        Select: 'COUNT',
      }),
    );
    // The refused writers removed their installations: only the winner's remain.
    expect(Count).toBe((await store().load('imagine'))?.installations.length);
  });

  it('reads again when two saves removed the revision it had pinned', async () => {
    await store().save(configWith(3), 'coordinator@imagine.example.org');
    let interleaved = false;
    // Right after the reader read CONFIG#PROJECT (revision 1), two saves land: the second removes revision 1.
    dynamo.doc.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (!interleaved && ['GetCommand', 'GetItemCommand'].includes(String(context.commandName))) {
          interleaved = true;
          await store().save(configWith(4), 'a@imagine.example.org');
          await store().save(configWith(5), 'b@imagine.example.org');
        }
        return result;
      },
      { step: 'initialize', name: 'two-saves-after-the-pin' },
    );

    const loaded = await store().load('imagine');

    dynamo.doc.middlewareStack.remove('two-saves-after-the-pin');
    expect(interleaved).toBe(true);
    expect(loaded?.installations).toHaveLength(5);
  });

  it('keeps a save whose answer was lost and whose resend met its own revision', async () => {
    const first = await store().save(configWith(3), 'coordinator@imagine.example.org');
    const lost = loseResponse(dynamo.doc, 'PutItemCommand', 1);

    const revision = await store().save(configWith(4), 'a@imagine.example.org', first);

    lost.remove();
    expect(lost.injected).toBe(1);
    expect(await store().loadSnapshot('imagine')).toEqual({ config: configWith(4), revision });
  });
});
