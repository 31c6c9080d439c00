import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createDocumentClient } from '../../../functions/storage/dynamo-client';
import { ensureTable } from '../../../functions/storage/ensure-table';
import { type ValueCellRef, valueCellOf } from '../../../local/apps-script';
import { type DynamoLocal, startDynamoLocal } from '../../../local/dynamo-local';
import { type Playground, startPlayground } from '../../../local/playground/playground-server';
import { type LocalSheetsApi, startLocalSheetsApi } from '../../../local/sheets-api';
import { NOW } from '../../integration/api/api-test-server';
import { launchChromium } from '../../support/chromium';

export interface PlaygroundHarness {
  readonly playground: Playground;
  readonly browser: Browser;
  /** The local Sheets API the playground's workbook is served by (what the functions write through). */
  readonly sheetsApi: LocalSheetsApi;
  /** A fresh page on the playground, its grid drawn. */
  openPage(options?: { permissions?: string[] }): Promise<Page>;
  cellOf(installationId: string, metricId: string, periodId: string): ValueCellRef;
  /** Requests the add-on has sent so far (the double's UrlFetchApp log). */
  sent(): number;
}

/**
 * The playground as `npm start` runs it, on a DynamoDB Local and a local Sheets API of this test
 * file, with the clock of the example (PY1 written, P3 open), and a headless Chromium to use it.
 */
export function usePlaygroundHarness(): PlaygroundHarness {
  let dynamo: DynamoLocal | undefined;
  let sheetsApi: LocalSheetsApi | undefined;
  let playground: Playground | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    dynamo = await startDynamoLocal();
    const tableName = `playground-${randomUUID()}`;
    const doc = createDocumentClient({ endpoint: dynamo.endpoint, region: 'local' });
    await ensureTable(doc, tableName);
    doc.destroy();
    sheetsApi = await startLocalSheetsApi();
    playground = await startPlayground({
      dynamoEndpoint: dynamo.endpoint,
      tableName,
      sheetsApi,
      exampleDir: join(__dirname, '..', '..', '..', 'examples', 'imagine-py1'),
      now: () => NOW,
    });
    browser = await launchChromium();
  }, 120_000);

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    await sheetsApi?.close();
    await dynamo?.stop();
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started`);
    return value;
  };

  return {
    get playground() {
      return need(playground, 'the playground');
    },
    get browser() {
      return need(browser, 'Chromium');
    },
    get sheetsApi() {
      return need(sheetsApi, 'the local Sheets API');
    },
    openPage: async ({ permissions = [] } = {}) => {
      const context = await need(browser, 'Chromium').newContext({
        viewport: { width: 1400, height: 900 },
        // The page forbids eval (its CSP); the test's own waits are strings evaluated in it.
        bypassCSP: true,
      });
      const page = await context.newPage();
      pages.push(page);
      const url = need(playground, 'the playground').url;
      if (permissions.length > 0)
        await context.grantPermissions(permissions, { origin: new URL(url).origin });
      await page.goto(url);
      await page.locator('td[data-a1]').first().waitFor();
      return page;
    },
    cellOf: (installationId, metricId, periodId) => {
      const current = need(playground, 'the playground');
      return valueCellOf(current.stack.sandbox().host.model, current.stack.spreadsheetId, {
        installationId,
        metricId,
        periodId,
      });
    },
    sent: () => need(playground, 'the playground').stack.sandbox().fetches().length,
  };
}

/** The cell's background as Chromium drew it ("rgb(255, 242, 204)"), found and read in one step. */
export function drawnBackground(page: Page, a1: string): Promise<string> {
  // Runs in the page (this project compiles without the DOM's types); one step, so that a repaint
  // between finding the cell and reading it cannot hand back a detached cell's empty style.
  type Window = {
    document: { querySelector(selector: string): unknown };
    getComputedStyle(element: unknown): { backgroundColor: string };
  };
  return page.evaluate((address) => {
    const window = globalThis as unknown as Window;
    const td = window.document.querySelector(`td[data-a1="${address}"]`);
    return td === null ? 'missing' : window.getComputedStyle(td).backgroundColor;
  }, a1);
}

/** "#fff2cc" → "rgb(255, 242, 204)": how getComputedStyle reports a colour. */
export function rgbOf(hex: string): string {
  const channel = (at: number) => Number.parseInt(hex.slice(at, at + 2), 16);
  return `rgb(${channel(1)}, ${channel(3)}, ${channel(5)})`;
}

/** Waits until the page has drawn `a1` in `hex` (it repaints on the server's events, no reload). */
export async function waitForBackground(page: Page, a1: string, hex: string): Promise<void> {
  await waitForBackgrounds(page, [a1], (drawn) => drawn === rgbOf(hex));
}

/**
 * Waits until every cell in `a1s` is drawn with a background `accept` takes. The test runs in the
 * browser: the page's own drawing, read as the person sees it.
 */
export async function waitForBackgrounds(
  page: Page,
  a1s: string[],
  accept: (drawn: string) => boolean,
): Promise<void> {
  for (;;) {
    const revision = await revisionOf(page);
    const drawn = await Promise.all(a1s.map((a1) => drawnBackground(page, a1)));
    if (drawn.every(accept)) return;
    try {
      await page.waitForFunction(`Number(document.body.dataset.revision) > ${revision}`);
    } catch (error) {
      throw new Error(`${a1s.join(', ')} drawn ${drawn.join(', ')}, and the page drew nothing new: ${error}`);
    }
  }
}

async function revisionOf(page: Page): Promise<number> {
  return Number(await page.locator('body').getAttribute('data-revision'));
}

/** As a person chooses who they are in the toolbar; the grid repaints for them. */
export async function actAs(page: Page, email: string): Promise<void> {
  await page.selectOption('#acting-as', email);
  // Any repaint would not do: one already on its way may still be drawn for the person before.
  // A locator, not a script: it works under the page's Content-Security-Policy too (no eval).
  await page.locator(`body[data-acting-as=${JSON.stringify(email)}]`).waitFor({ state: 'attached' });
}

/** Clicks a tab in the tab bar, as a person does, and waits for its grid. */
export async function showTab(page: Page, title: string): Promise<void> {
  await page.locator('#tab-bar button', { hasText: title }).click();
  await page.locator(`td[data-a1^="${title}!"]`).first().waitFor();
}
