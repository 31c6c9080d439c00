import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../functions/local/dynamo-local';
import { generatedBody, type RawRequest, rawRequest } from '../integration/support/raw-http';
import { type LocalStack, startLocalStack } from './local-stack';

const IFCA_PARTNER = 'partner@ifca.example.org';
const ENTRIES = '/v1/projects/imagine/entries';
const HUNDRED_MB = 100 * 1024 * 1024;
const MB = 1024 * 1024;

/** Every process under `root` (itself included), from the parent ids in /proc. */
function processTree(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let index = 0; index < tree.length; index += 1) {
    for (const [pid, ppid] of parentOf) if (ppid === tree[index]) tree.push(pid);
  }
  return tree;
}

/** The Node process that serves the API: the one of the tree running scripts/start-local.ts, not Java. */
function serverProcess(stack: LocalStack): number {
  const server = processTree(stack.pid).find((pid) => {
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return /node/.test(commandLine[0] ?? '') && commandLine.some((part) => part.endsWith('start-local.ts'));
    } catch {
      return false;
    }
  });
  if (server === undefined) throw new Error(`no node process runs start-local.ts under ${stack.pid}`);
  return server;
}

function residentBytes(pid: number): number {
  const kilobytes = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kilobytes) * 1024;
}

/** The highest resident size of `pid` while `work` runs, sampled every 20 ms. */
async function peakResidentDuring<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; peak: number }> {
  let peak = residentBytes(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentBytes(pid));
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, residentBytes(pid));
    return { result, peak };
  } finally {
    clearInterval(sampler);
  }
}

async function post(stack: LocalStack, body: unknown) {
  const response = await fetch(`${stack.url}${ENTRIES}`, {
    method: 'POST',
    headers: { 'X-Dev-User': IFCA_PARTNER, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads the JSON answer field by field
  return { status: response.status, body: (await response.json()) as any };
}

/** Issue 9's acceptance with `npm start` running: what a hostile client sends, and what it gets. */
describe('npm start against a hostile client', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'va-assess-hostile-'));
  let stack: LocalStack | undefined;

  beforeAll(async () => {
    stack = await startLocalStack(join(dataDir, 'dynamodb'), await findFreePort());
  }, 120_000);

  afterAll(async () => {
    await stack?.interrupt();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const running = () => {
    if (stack === undefined) throw new Error('npm start did not start');
    return stack;
  };

  it.each<[string, RawRequest['headers']]>([
    ['streamed without Content-Length', {}],
    ['with its Content-Length', { 'content-length': HUNDRED_MB }],
  ])(
    'refuses a 100 MB body %s, and the server grows by less than 20 MB',
    async (_, headers) => {
      const pid = serverProcess(running());
      const before = residentBytes(pid);
      const { result, peak } = await peakResidentDuring(pid, () =>
        rawRequest(running().url, {
          method: 'POST',
          path: ENTRIES,
          headers: { 'content-type': 'application/json', ...headers },
          body: generatedBody(HUNDRED_MB).stream,
        }),
      );
      // The issue measured 340 MB for this request before the fix.
      expect((peak - before) / MB).toBeLessThan(20);
      expect(result.status).toBe(413);
      expect(result.body).toMatchObject({ code: 'payload-too-large' });
    },
    60_000,
  );

  it('answers Host: evil.example with the dev header 403, and says why', async () => {
    const result = await rawRequest(running().url, {
      method: 'GET',
      path: '/v1/projects/imagine/summary?period=PY1',
      headers: { host: 'evil.example', 'x-dev-user': 'coordinator@imagine.example.org' },
    });
    expect([401, 403]).toContain(result.status);
    expect(result.body.message).toContain('evil.example');
  });

  it('rejects the JSON number 1e308 in an hours cell, with a message', async () => {
    const result = await post(running(), {
      cells: [{ installationId: 'ifca-cpu', metricId: 'cpu-hours', periodId: 'P3', raw: 1e308 }],
    });
    expect(result.status).toBe(200);
    const [outcome] = result.body.outcomes;
    expect(outcome.status).toBe('rejected');
    expect(outcome.message).not.toBe('');
  });

  it('answers 409 to the same requestId with a different value', async () => {
    const cell = { installationId: 'ifca-cpu', metricId: 'cpu-hours', periodId: 'P4' };
    const first = await post(running(), { requestId: 'hostile-retry-1', cells: [{ ...cell, raw: '1,000' }] });
    expect(first.status).toBe(200);
    const again = await post(running(), { requestId: 'hostile-retry-1', cells: [{ ...cell, raw: '2,000' }] });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('hostile-retry-1');
  });
});
