import { EntryStore } from '../../../functions/storage/entry-store';
import { VersionConflictError } from '../../../functions/storage/storage-errors';
import { useDynamoLocal } from '../support/dynamo-local-harness';
import { rejected, submission } from '../support/submission-factory';

const cell = { installationId: 'ifca-cpu', metricId: 'cpu-hours', periodId: 'P1' } as const;

describe('EntryStore on DynamoDB Local', () => {
  const dynamo = useDynamoLocal();
  const store = () => new EntryStore(dynamo.doc, dynamo.tableName);

  it('numbers each submission and keeps the latest accepted one as the current value', async () => {
    const entries = store();
    const first = await entries.recordSubmission(submission({ raw: 94000 }));
    const second = await entries.recordSubmission(
      submission({ raw: 94656, status: 'warning', editor: 'other@ifca.example.org' }),
    );

    expect(first).toMatchObject({ version: 1, becameCurrent: true, replayed: false });
    expect(second).toMatchObject({ version: 2, becameCurrent: true, replayed: false });
    expect(second.current).toMatchObject({
      ...cell,
      value: { type: 'number', value: 94656 },
      raw: 94656,
      status: 'warning',
      version: 2,
      editor: 'other@ifca.example.org',
      submissions: 2,
    });
    const history = await entries.history('imagine', cell);
    expect(history.map((record) => [record.version, record.raw])).toEqual([
      [1, 94000],
      [2, 94656],
    ]);
  });

  it('keeps rejected input in the history without touching the current value', async () => {
    const entries = store();
    await entries.recordSubmission(submission({ raw: 94656 }));
    const refused = await entries.recordSubmission(rejected());

    expect(refused).toMatchObject({ version: 2, becameCurrent: false, replayed: false });
    expect(refused.current).toMatchObject({ version: 1, raw: 94656, submissions: 2, lastStatus: 'rejected' });
    const [current] = await entries.listCurrent('imagine', ['P1']);
    expect(current).toMatchObject({ version: 1, value: { type: 'number', value: 94656 } });
    const history = await entries.history('imagine', cell);
    expect(history[1]).toMatchObject({
      version: 2,
      raw: '4.000.000',
      status: 'rejected',
      value: null,
      issues: [expect.objectContaining({ ruleId: 'ambiguous-separator', found: '4.000.000' })],
    });
  });

  it('keeps the latest rejected input and its issues beside the current value, until an accepted one replaces it', async () => {
    const entries = store();
    await entries.recordSubmission(submission({ raw: 94656 }));
    await entries.recordSubmission(rejected({ submittedAt: '2023-03-11T09:00:00.000Z' }));

    const [afterRejection] = await entries.listCells('imagine', ['P1']);
    expect(afterRejection).toMatchObject({
      ...cell,
      current: { version: 1, raw: 94656 },
      latest: {
        raw: '4.000.000',
        status: 'rejected',
        version: 2,
        submittedAt: '2023-03-11T09:00:00.000Z',
        issues: [expect.objectContaining({ ruleId: 'ambiguous-separator', found: '4.000.000' })],
      },
    });

    await entries.recordSubmission(rejected({ raw: '4,000,000.5.1' }));
    expect((await entries.listCells('imagine', ['P1']))[0]?.latest).toMatchObject({
      raw: '4,000,000.5.1',
      version: 3,
    });

    await entries.recordSubmission(submission({ raw: 4000000 }));
    expect(await entries.listCells('imagine', ['P1'])).toEqual([
      expect.objectContaining({
        current: expect.objectContaining({ raw: 4000000, version: 4 }),
        latest: null,
      }),
    ]);
  });

  it('lists a cell whose every submission was rejected with its latest input and no current value', async () => {
    const entries = store();
    await entries.recordSubmission(rejected());

    expect(await entries.listCells('imagine', ['P1'])).toEqual([
      expect.objectContaining({
        ...cell,
        current: null,
        latest: expect.objectContaining({ raw: '4.000.000', status: 'rejected', version: 1 }),
      }),
    ]);
  });

  it('reports no current value for a cell that only ever received rejected input', async () => {
    const entries = store();
    const refused = await entries.recordSubmission(rejected());

    expect(refused).toMatchObject({ version: 1, current: null, becameCurrent: false });
    expect(await entries.listCurrent('imagine', ['P1'])).toEqual([]);
    expect(await entries.history('imagine', cell)).toHaveLength(1);
  });

  it('clears the current value when an empty cell is accepted, and keeps who cleared it', async () => {
    const entries = store();
    await entries.recordSubmission(submission({ raw: 94656 }));
    const cleared = await entries.recordSubmission(
      submission({ raw: null, value: null, normalized: '', editor: 'coordinator@imagine.example.org' }),
    );

    expect(cleared.current).toMatchObject({ value: null, raw: null, version: 2 });
    expect(await entries.listCurrent('imagine', ['P1'])).toEqual([
      expect.objectContaining({ value: null, editor: 'coordinator@imagine.example.org' }),
    ]);
  });

  it('returns the original result when a requestId is replayed, and writes nothing', async () => {
    const entries = store();
    const original = await entries.recordSubmission(submission({ raw: 94656, requestId: 'edit-42' }));
    // A client retry after a lost response: same requestId and input, even if it re-validated differently.
    const replay = await entries.recordSubmission(
      submission({ raw: 94656, status: 'warning', requestId: 'edit-42' }),
    );

    expect(replay).toEqual({ ...original, replayed: true });
    expect(await entries.history('imagine', cell)).toHaveLength(1);
  });

  it('refuses another value under a requestId already used for the cell, and writes nothing', async () => {
    const entries = store();
    await entries.recordSubmission(submission({ raw: 94656, requestId: 'edit-43' }));

    await expect(
      entries.recordSubmission(submission({ raw: 1, requestId: 'edit-43' })),
    ).rejects.toMatchObject({
      name: 'RequestIdReusedError',
      message: expect.stringMatching(
        /"edit-43" was already used for a different value of ifca-cpu \/ cpu-hours \/ P1/,
      ),
    });
    expect((await entries.history('imagine', cell)).map((record) => record.raw)).toEqual([94656]);
    expect((await entries.listCurrent('imagine', ['P1']))[0]).toMatchObject({ raw: 94656, version: 1 });
  });

  it('records a requestId once even when the same request arrives several times at once', async () => {
    const entries = store();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => entries.recordSubmission(submission({ requestId: 'double-click' }))),
    );

    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect(new Set(results.map((result) => result.version))).toEqual(new Set([1]));
    expect(await entries.history('imagine', cell)).toHaveLength(1);
  });

  it('scopes a requestId to its cell', async () => {
    const entries = store();
    await entries.recordSubmission(submission({ requestId: 'paste-7' }));
    const other = await entries.recordSubmission(submission({ requestId: 'paste-7', metricId: 'users' }));

    expect(other).toMatchObject({ version: 1, replayed: false });
  });

  it('keeps all 50 of 50 concurrent edits of one cell, and one current value', async () => {
    const entries = store();
    const statuses = Array.from({ length: 50 }, (_, index) => (index % 5 === 4 ? 'rejected' : 'accepted'));
    const results = await Promise.all(
      statuses.map((status, index) =>
        entries.recordSubmission(
          status === 'rejected'
            ? rejected({ raw: `bad ${index}` })
            : submission({ raw: 1000 + index, editor: `editor${index}@example.org` }),
        ),
      ),
    );

    expect(results.map((result) => result.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
    const history = await entries.history('imagine', cell);
    expect(history.map((record) => record.version)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
    expect(new Set(history.map((record) => record.requestId)).size).toBe(50);
    const highestAccepted = Math.max(
      ...history.filter((record) => record.status !== 'rejected').map((record) => record.version),
    );
    const current = await entries.listCurrent('imagine', ['P1']);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ version: highestAccepted, submissions: 50 });
    expect(current[0]?.raw).toEqual(history[highestAccepted - 1]?.raw);
  }, 60_000);

  it('refuses an edit made from an outdated version and writes nothing', async () => {
    const entries = store();
    await entries.recordSubmission(submission({ raw: 100 }));
    await entries.recordSubmission(submission({ raw: 200 }));

    await expect(
      entries.recordSubmission(submission({ raw: 300 }), { expectedVersion: 1 }),
    ).rejects.toMatchObject({ name: 'VersionConflictError', expected: 1, actual: 2, retryable: false });
    await expect(
      entries.recordSubmission(submission({ raw: 300 }), { expectedVersion: 0 }),
    ).rejects.toBeInstanceOf(VersionConflictError);
    const accepted = await entries.recordSubmission(submission({ raw: 300 }), { expectedVersion: 2 });
    expect(accepted).toMatchObject({ version: 3, becameCurrent: true });
    expect(await entries.history('imagine', cell)).toHaveLength(3);
  });

  it('expects version 0 of a cell that has no value yet', async () => {
    const entries = store();
    const first = await entries.recordSubmission(submission(), { expectedVersion: 0 });
    expect(first.version).toBe(1);
  });

  it('lists one period with a Query that returns that period only (P1 never matches P10)', async () => {
    const entries = store();
    await entries.recordSubmission(submission({ periodId: 'P1', raw: 94656 }));
    await entries.recordSubmission(submission({ periodId: 'P1', metricId: 'users', raw: 16 }));
    await entries.recordSubmission(submission({ periodId: 'P2', raw: 393888 }));
    await entries.recordSubmission(submission({ periodId: 'P10', raw: 5 }));
    await entries.recordSubmission(submission({ periodId: 'P1', projectId: 'other-project', raw: 7 }));

    const sent: string[] = [];
    dynamo.doc.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    const p1 = await entries.listCurrent('imagine', ['P1']);
    dynamo.doc.middlewareStack.remove('recordCommands');

    expect(p1.map((entry) => [entry.periodId, entry.metricId, entry.raw])).toEqual([
      ['P1', 'cpu-hours', 94656],
      ['P1', 'users', 16],
    ]);
    expect(sent).toEqual(['QueryCommand']);
    const both = await entries.listCurrent('imagine', ['P1', 'P2']);
    expect(both.map((entry) => entry.periodId)).toEqual(['P1', 'P1', 'P2']);
  });

  it('follows pagination when a period holds more than one page', async () => {
    const entries = store();
    const longText = 'x'.repeat(20_000);
    await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        entries.recordSubmission(
          submission({
            metricId: `m-${String(index).padStart(2, '0')}`,
            raw: longText,
            normalized: longText,
          }),
        ),
      ),
    );

    const listed = await entries.listCurrent('imagine', ['P1']);
    expect(listed).toHaveLength(60);
  });

  it('keeps numbers a sheet sends exactly, even those a DynamoDB number cannot hold', async () => {
    const entries = store();
    await entries.recordSubmission(rejected({ raw: 1e300 }));
    await entries.recordSubmission(
      submission({ raw: 0.1 + 0.2, value: { type: 'number', value: 0.1 + 0.2 } }),
    );

    const history = await entries.history('imagine', cell);
    expect(history.map((record) => record.raw)).toEqual([1e300, 0.1 + 0.2]);
    expect(history[1]?.value).toEqual({ type: 'number', value: 0.30000000000000004 });
  });

  it('refuses a submission larger than an item can hold, naming the cell', async () => {
    const entries = store();
    await expect(entries.recordSubmission(rejected({ raw: 'y'.repeat(450 * 1024) }))).rejects.toMatchObject({
      name: 'ItemTooLargeError',
      message: expect.stringContaining('ifca-cpu / cpu-hours / P1'),
    });
    expect(await entries.history('imagine', cell)).toEqual([]);
  });
});
