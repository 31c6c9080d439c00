/**
 * `npx tsx bench/oversized-body.bench.ts`: how much the servers of the local stack grow while a
 * client sends them a 100 MB body they refuse (the API on the Functions Framework, and the local
 * Sheets API), streamed and with its Content-Length. Memory figures belong here, not in a test: they
 * depend on the machine, the garbage collector and whatever else runs (the e2e test asserts the
 * behaviour instead: 413, the server stops reading and closes the connection). Issue 9 measured
 * 340 MB before the body limit; 27.5 MB was once measured under the full test suite.
 */
import '../functions/commons/quiet-aws-sdk-node-warning';
import { serveRouter } from '../local/serve-router';
import { localAccessToken, startLocalSheetsApi } from '../local/sheets-api';
import { streamUntilClosed } from '../test/integration/support/stream-until-closed';

const MB = 1024 * 1024;
const HUNDRED_MB = 100 * MB;

/** The highest resident size of this process while `work` runs, sampled every 10 ms. */
async function peakResidentDuring(work: () => Promise<unknown>): Promise<number> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    await work();
    return Math.max(peak, process.memoryUsage().rss);
  } finally {
    clearInterval(sampler);
  }
}

async function measure(label: string, url: string, path: string, headers: Record<string, string>) {
  for (const [how, length] of [
    ['streamed', {}],
    ['declared', { 'content-length': HUNDRED_MB }],
  ] as const) {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let status = 0;
    const peak = await peakResidentDuring(async () => {
      status = (await streamUntilClosed(url, path, { ...headers, ...length }, HUNDRED_MB)).status;
    });
    console.log(
      `${label.padEnd(20)} ${how.padEnd(9)} ${String(status).padEnd(6)} ${((peak - before) / MB).toFixed(1).padStart(8)} MB`,
    );
  }
}

async function main(): Promise<void> {
  console.log('server               body      answer  growth (client and server in this process)');
  const sheets = await startLocalSheetsApi();
  const router = await serveRouter(() => {
    throw new Error('an oversized body never reaches the router');
  });
  try {
    const owner = 'bench@local.iam.example';
    const id = sheets.createSpreadsheet({ title: 'Bench', owner });
    await measure('local Sheets API', sheets.rootUrl, `/v4/spreadsheets/${id}:batchUpdate`, {
      'content-type': 'application/json',
      authorization: `Bearer ${localAccessToken(owner)}`,
    });
    await measure('API (framework)', router.url, '/v1/projects/imagine/entries', {
      'content-type': 'application/json',
    });
  } finally {
    await router.close();
    await sheets.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
