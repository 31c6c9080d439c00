import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellOutcome, HistoryItem } from '../../functions/contract/contract';
import { sleep } from '../../functions/storage/backoff';
import { findFreePort } from '../../local/dynamo-local';
import { type LocalStack, startLocalStack } from './local-stack';

const COORDINATOR = 'coordinator@imagine.example.org';
const IFCA_PARTNER = 'partner@ifca.example.org';
const INCD_PARTNER = 'partner@incd.example.org';

async function call(stack: LocalStack, method: string, path: string, user?: string, body?: unknown) {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: {
      ...(user === undefined ? {} : { 'X-Dev-User': user }),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const spCell = { installationId: 'ifca-cpu', metricId: 'countries', periodId: 'P2', raw: 'FR, SP' };
const historyPath = '/v1/projects/imagine/entries/ifca-cpu/countries/P2/history';

/** The local stack run as a person runs it: npm start, curl, Ctrl-C, start again, storage outage. */
describe('npm start (the local stack)', () => {
  // DynamoDB Local's folder inside ours: the local Sheets API keeps its workbooks beside it.
  const dataDir = mkdtempSync(join(tmpdir(), 'va-assess-stack-'));
  let stack: LocalStack | undefined;

  afterAll(async () => {
    await stack?.interrupt();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the example, validates edits, keeps data across a restart and survives a storage outage', async () => {
    const port = await findFreePort();
    stack = await startLocalStack(join(dataDir, 'dynamodb'), port);
    expect(stack.output()).toContain('DEV AUTH MODE');
    expect(stack.output()).toMatch(/loaded examples\/imagine-py1: \d+ accepted/);
    // The playground's address comes first in the banner, and its page is served at / beside the API.
    const output = stack.output();
    expect(output).toContain(`Playground:      http://localhost:${port}/`);
    expect(output.indexOf('Playground:')).toBeLessThan(output.indexOf('DEV AUTH MODE'));
    const playground = await fetch(`${stack.url}/`);
    expect(playground.status).toBe(200);
    await expect(playground.text()).resolves.toContain('<div id="addon-menu"></div>');

    const summary = await call(stack, 'GET', '/v1/projects/imagine/summary?period=PY1', COORDINATOR);
    expect(summary.status).toBe(200);
    const headlines = (summary.body.headlines as string[]).join('\n');
    expect(headlines).toContain('662,547 CPU-hours');
    expect(headlines).toContain('14,400 GPU-hours');
    expect(headlines).toContain('33.4 TB-month');

    const posted = await call(stack, 'POST', '/v1/projects/imagine/entries', IFCA_PARTNER, {
      cells: [spCell],
    });
    expect(posted.status).toBe(200);
    const [outcome] = posted.body.outcomes as CellOutcome[];
    expect(outcome?.status).toBe('rejected');
    expect(outcome?.issues.map((issue) => issue.suggestion)).toContain('ES');

    const foreign = await call(stack, 'POST', '/v1/projects/imagine/entries', INCD_PARTNER, {
      cells: [{ ...spCell, raw: 'FR' }],
    });
    expect(foreign.status).toBe(403);

    expect(await stack.interrupt()).toBe(0);
    expect(stack.output()).toContain('Stopped.');

    stack = await startLocalStack(join(dataDir, 'dynamodb'), port);
    expect(stack.output()).toContain('project "imagine" already stored');
    const history = await call(stack, 'GET', historyPath, COORDINATOR);
    const raws = (history.body.items as HistoryItem[]).map((item) => item.raw);
    expect(raws).toEqual(['FR, BE, ES, IE, DE, SK, NL', 'FR, SP']);

    // Storage goes away under the running API: retryable 503s, the API itself keeps answering.
    // No shell: its own command line would match the pattern too.
    execFileSync('pkill', ['-KILL', '-f', `DynamoDBLocal.jar .*-port ${stack.dynamoPort} `]);
    const during = await call(stack, 'GET', '/v1/projects/imagine/summary?period=PY1', COORDINATOR);
    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ code: 'storage-unavailable', retryable: true });
    expect((await call(stack, 'GET', '/health')).status).toBe(200);

    // npm start brings DynamoDB Local back on the same files: requests succeed, nothing is lost.
    let after = during;
    for (let attempt = 0; attempt < 60 && after.status !== 200; attempt += 1) {
      await sleep(1000);
      after = await call(stack, 'GET', historyPath, COORDINATOR);
    }
    expect(after.status).toBe(200);
    expect((after.body.items as unknown[]).length).toBe(2);
  }, 240_000);
});
