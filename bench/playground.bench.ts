/**
 * `npm run bench:playground`: typing-to-painted time in the playground, as a person sees it. Headless
 * Chromium clicks IFCA-CSIC CPU's P3 hours cell, types a value, presses Enter, and the clock stops
 * when the page has drawn the cell in its outcome's colour (the real bundle ran its edit trigger in
 * the Apps Script double, called the real router, painted the cell; the page heard and repainted).
 * Values alternate between a figure (green, or amber when far off) and a word (red) so that every
 * edit changes the colour.
 * Baseline, measured in the same run: the same edits typed through the sandbox without the page.
 */
import '../functions/commons/quiet-aws-sdk-node-warning';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { OUTCOME_COLOURS } from '../functions/sheets/layout/anchors';
import { createDocumentClient } from '../functions/storage/dynamo-client';
import { ensureTable } from '../functions/storage/ensure-table';
import { valueCellOf } from '../local/apps-script';
import { startDynamoLocal } from '../local/dynamo-local';
import { startPlayground } from '../local/playground/playground-server';
import { startLocalSheetsApi } from '../local/sheets-api';
import { launchChromium } from '../test/support/chromium';
import { latencyPercentiles } from './latency-percentiles';

const EDITS = 100;
const IFCA = 'partner@ifca.example.org';
/** After PY1, as when the D4.2 report was written: P3 is open for typing. */
const NOW = DateTime.fromISO('2023-10-02T09:00:00', { zone: 'Europe/Amsterdam' });

const rgbOf = (hex: string) =>
  `rgb(${[1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;
/** Edit `i`: a figure the example accepts, or a word it rejects. */
const typedAt = (i: number) => (i % 2 === 0 ? String(1000 + i) : `lots${i}`);
/** The colours edit `i` may be painted: green or amber for a figure (a warning when far off), red for a word. */
const coloursOf = (i: number) =>
  (i % 2 === 0 ? [OUTCOME_COLOURS.accepted, OUTCOME_COLOURS.warning] : [OUTCOME_COLOURS.rejected]).map(rgbOf);

function line(name: string, times: number[], baseline?: number): string {
  const { p50, p95 } = latencyPercentiles(times);
  const ratio = baseline === undefined ? '' : `   ${(p50 / baseline).toFixed(2)}× the baseline's p50`;
  return `${name.padEnd(58)} p50 ${p50.toFixed(0).padStart(5)} ms   p95 ${p95.toFixed(0).padStart(5)} ms${ratio}`;
}

async function main(): Promise<void> {
  const dynamo = await startDynamoLocal();
  const sheetsApi = await startLocalSheetsApi();
  const tableName = `bench-playground-${randomUUID()}`;
  const doc = createDocumentClient({ endpoint: dynamo.endpoint, region: 'local' });
  await ensureTable(doc, tableName);
  doc.destroy();
  const playground = await startPlayground({
    dynamoEndpoint: dynamo.endpoint,
    tableName,
    sheetsApi,
    exampleDir: join(__dirname, '..', 'examples', 'imagine-py1'),
    now: () => NOW,
  });
  const browser = await launchChromium();
  try {
    const box = playground.stack.sandbox();
    const cell = valueCellOf(box.host.model, playground.stack.spreadsheetId, {
      installationId: 'ifca-cpu',
      metricId: 'cpu-hours',
      periodId: 'P3',
    });
    const baseline: number[] = [];
    for (let i = 0; i < EDITS; i += 1) {
      const started = performance.now();
      await box.typeAs(IFCA, cell.a1, typedAt(i));
      baseline.push(performance.now() - started);
    }

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
    await page.goto(playground.url);
    await page.selectOption('#acting-as', IFCA);
    await page.locator('#tab-bar button', { hasText: 'Metrics' }).click();
    const td = page.locator(`td[data-a1="${cell.a1}"]`);
    await td.waitFor();
    const typed: number[] = [];
    for (let i = 0; i < EDITS; i += 1) {
      const started = performance.now();
      await td.click();
      await page.keyboard.type(typedAt(i));
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        `(() => { const td = document.querySelector('td[data-a1="${cell.a1}"]'); return td !== null && ${JSON.stringify(coloursOf(i))}.includes(getComputedStyle(td).backgroundColor); })()`,
        undefined,
        { polling: 'raf' },
      );
      typed.push(performance.now() - started);
    }
    const failed = box.executions().filter((record) => record.error !== undefined);
    if (failed.length > 0) throw new Error(`an execution failed: ${failed[0]?.error}`);
    const base = latencyPercentiles(baseline).p50;
    console.log(`\nTyping to painted, ${EDITS} edits of ${cell.a1} (IFCA-CSIC CPU, P3) as ${IFCA}:\n`);
    console.log(line('baseline: typeAs in the sandbox, no page', baseline));
    console.log(line('playground: click, type, Enter until the page shows it', typed, base));
    console.log(
      '\nThe difference is the page: keystrokes, the POST, the server-sent event, the state read and the redraw.',
    );
  } finally {
    await browser.close();
    await playground.close();
    await sheetsApi.close();
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
