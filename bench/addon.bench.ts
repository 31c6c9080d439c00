/**
 * `npm run bench:addon`: what each thing a person does with the Sheets add-on costs, counted where
 * the cost is paid. The BUNDLED add-on runs in the Apps Script sandbox over the workbook model the
 * local Sheets API serves; its requests reach the real router (OIDC mode, tokens signed by a local
 * key) on DynamoDB Local. Per operation: UrlFetchApp calls (the daily UrlFetch quota), SpreadsheetApp
 * service calls, router, DynamoDB and Sheets API requests, property bytes (9 KB a value, 500 KB a
 * store) and wall time as a ratio to one bare UrlFetchApp.fetch of /health measured in the same run.
 */
import '../functions/commons/quiet-aws-sdk-node-warning';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { buildContainer } from '../functions/api/container';
import { readExampleProject } from '../functions/api/example-seed';
import { parseEnv } from '../functions/commons/env';
import { apiPaths } from '../functions/contract/contract';
import type { MetricKind } from '../functions/domain/config/metric-definition-schema';
import { SheetsGateway } from '../functions/sheets/client/sheets-gateway';
import { DEFAULT_RETRY } from '../functions/sheets/client/sheets-retry';
import { createDocumentClient } from '../functions/storage/dynamo-client';
import { ensureTable } from '../functions/storage/ensure-table';
import {
  type AddonSandbox,
  outboxItemsOf,
  runEnableLiveValidation,
  runSetUp,
  saveSettings,
  startAddonSandbox,
  type ValueCellRef,
  valueCellOf,
} from '../local/apps-script';
import { createLocalIdentitySigner } from '../local/apps-script/local-identity-signer';
import { makeLocalCertificate, startTlsFront, type TlsFront } from '../local/apps-script/local-tls';
import { startDynamoLocal } from '../local/dynamo-local';
import { type ServedRouter, serveRouter } from '../local/serve-router';
import { LOCAL_SERVICE_ACCOUNT_EMAIL, localSheetsClient, startLocalSheetsApi } from '../local/sheets-api';
import { buildAddonForBackend } from '../scripts/build-addon';
import { countDynamoRequests } from './dynamo-request-counter';

const COORDINATOR = 'coordinator@imagine.example.org';
const IFCA = 'partner@ifca.example.org';
const INCD = 'partner@incd.example.org';
const AUDIENCE = 'bench-addon.apps.googleusercontent.com';
/** After PY1, as when the D4.2 report was written: the Metrics tab has P1..P3, P3 still empty. */
const NOW = DateTime.fromISO('2023-10-02T09:00:00', { zone: 'Europe/Amsterdam' });
/** Each operation is timed this many times (fresh values each round); counts are the first round's. */
const ROUNDS = 3;
const PARTNER_DAY_EDITS = 1_000;
/** Apps Script's UrlFetch calls a day: consumer account, Workspace account. */
const URLFETCH_QUOTA = { consumer: 20_000, workspace: 100_000 };
const SPREADSHEET_OPS = /^(ss|sheet|range|metadata|protection)\./;
/** Read by the bench only: a bare fetch, the unit wall times are given in. */
const PROBE = 'function benchFetchHealth(url) { return UrlFetchApp.fetch(url).getResponseCode(); }\n';

const example = readExampleProject(join(__dirname, '..', 'examples', 'imagine-py1'));
const projectId = example.config.project.id;

/** A value a person would type in a metric of this kind, different for each `seed`. */
function typedValue(kind: MetricKind, seed: number): string {
  switch (kind) {
    case 'hours':
      return `${(1000 + seed * 37).toLocaleString('en')}`;
    case 'tb-month':
      return `${(1 + seed / 10).toFixed(1)}`;
    case 'country-list':
      return ['ES, PT', 'ES, FR', 'ES, DE, IT'][seed % 3] ?? 'ES';
    default:
      return String(2 + (seed % 9));
  }
}

interface Counts {
  urlFetch: number;
  spreadsheetApp: number;
  router: number;
  dynamo: number;
  sheetsApi: number;
  /** The largest property store after the operation, and the largest value in it. */
  propertyBytes: number;
}

interface Row {
  name: string;
  counts: Counts;
  /** Counts of later rounds, when they differ from the first's. */
  laterCounts?: Counts;
  detail: string;
  medianMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const dynamo = await startDynamoLocal();
  const sheetsApi = await startLocalSheetsApi();
  const doc = createDocumentClient({ endpoint: dynamo.endpoint, region: 'local' });
  const dynamoCounter = countDynamoRequests(doc);
  const signer = createLocalIdentitySigner(AUDIENCE);
  let routerRequests = 0;
  let router: ServedRouter | undefined;
  let front: TlsFront | undefined;
  let dist: { dir: string; remove(): void } | undefined;
  let sandbox: AddonSandbox | undefined;
  try {
    const tableName = `bench-addon-${randomUUID()}`;
    await ensureTable(doc, tableName);
    const env = parseEnv({
      TABLE_NAME: tableName,
      AWS_REGION: 'local',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AUTH_MODE: 'oidc',
      OIDC_AUDIENCE: AUDIENCE,
      // Generate report ends with a signed download link.
      REPORT_LINK_SECRET: randomBytes(32).toString('hex'),
    });
    const container = buildContainer(env, {
      doc,
      signingKeys: async () => signer.publicKeys,
      now: () => NOW,
      log: (line) => console.error(line),
      sheets: () =>
        new SheetsGateway({ rootUrl: sheetsApi.rootUrl, retry: { ...DEFAULT_RETRY, budgetMs: 20_000 } }),
    });
    router = await serveRouter(() => container, { onRequest: () => (routerRequests += 1) });
    const routerUrl = router.url;
    // As Apps Script reaches it: over TLS, at the one address the bundle's manifest allowlists.
    const certificate = makeLocalCertificate();
    const tls = await startTlsFront(certificate, routerUrl);
    front = tls;
    const backendUrl = tls.url;
    dist = buildAddonForBackend(backendUrl);
    writeFileSync(join(dist.dir, 'zz-bench-probe.js'), PROBE);
    const stopRouter = () => tls.stop();
    const startRouter = () => tls.start();

    const call = async (method: string, path: string, body?: unknown) => {
      const answer = await fetch(`${routerUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${signer.sign({ email: COORDINATOR, email_verified: true })}`,
          'content-type': 'application/json',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
    };
    await call('PUT', apiPaths.config(projectId), example.configBody);
    for (const batch of example.entryBatches) await call('POST', apiPaths.entries(projectId), batch);

    const spreadsheetId = sheetsApi.createSpreadsheet({
      title: 'iMagine VA metrics',
      owner: COORDINATOR,
      sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL, IFCA, INCD],
    });
    const box = await startAddonSandbox({
      model: sheetsApi.model,
      spreadsheetId,
      distDir: dist.dir,
      signer,
      audience: AUDIENCE,
      fetchTimeoutMs: 10_000,
      trustedCertificates: [certificate.cert],
    });
    sandbox = box;
    await box.open(COORDINATOR);
    await saveSettings(box, COORDINATOR, { backendUrl, projectId });

    const kindOf = new Map(
      example.config.installations.flatMap((installation) =>
        installation.metrics.map((metric) => [`${installation.id}/${metric.id}`, metric.kind] as const),
      ),
    );
    const ifcaRows = example.config.installations
      .filter((installation) => installation.editors.includes(IFCA))
      .flatMap((installation) =>
        installation.metrics.map((metric) => ({ installationId: installation.id, metricId: metric.id })),
      );
    const allRows = example.config.installations.flatMap((installation) =>
      installation.metrics.map((metric) => ({ installationId: installation.id, metricId: metric.id })),
    );
    const cellOf = (row: { installationId: string; metricId: string }, periodId: string): ValueCellRef =>
      valueCellOf(sheetsApi.model, spreadsheetId, { ...row, periodId });
    const valueFor = (row: { installationId: string; metricId: string }, seed: number) =>
      typedValue(kindOf.get(`${row.installationId}/${row.metricId}`) ?? 'count', seed);

    const snapshot = (): Counts => {
      const calls = box.host.serviceCallCounts();
      const sheetsCounts = sheetsApi.requestCounts();
      const stores = Object.values(box.host.propertyStoreBytes());
      return {
        urlFetch: calls['url.fetch'] ?? 0,
        spreadsheetApp: Object.entries(calls)
          .filter(([op]) => SPREADSHEET_OPS.test(op))
          .reduce((sum, [, count]) => sum + count, 0),
        router: routerRequests,
        dynamo: dynamoCounter.total(),
        sheetsApi: Object.values(sheetsCounts).reduce((sum, count) => sum + count, 0),
        propertyBytes: Math.max(0, ...stores),
      };
    };
    const reset = () => {
      box.host.resetServiceCallCounts();
      sheetsApi.resetCounts();
      dynamoCounter.reset();
      routerRequests = 0;
    };
    const topOps = () =>
      Object.entries(box.host.serviceCallCounts())
        .filter(([op]) => SPREADSHEET_OPS.test(op))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([op, count]) => `${op}×${count}`)
        .join(' ');

    const rows: Row[] = [];
    /** `prepare` (not counted, not timed) then `operation`, ROUNDS times; round `r` uses fresh values. */
    const bench = async (
      name: string,
      operation: (round: number) => Promise<void>,
      prepare: (round: number) => Promise<void> = async () => undefined,
      rounds = ROUNDS,
    ) => {
      const times: number[] = [];
      let first: Counts | undefined;
      let later: Counts | undefined;
      let detail = '';
      for (let round = 0; round < rounds; round += 1) {
        await prepare(round);
        reset();
        const started = performance.now();
        await operation(round);
        times.push(performance.now() - started);
        const counts = snapshot();
        if (first === undefined) {
          first = counts;
          detail = topOps();
        } else if (
          JSON.stringify({ ...counts, propertyBytes: 0 }) !== JSON.stringify({ ...first, propertyBytes: 0 })
        )
          later = counts;
      }
      const failed = box.executions().filter((record) => record.error !== undefined);
      if (failed.length > 0) throw new Error(`${name}: an execution failed: ${failed[0]?.error}`);
      if (first === undefined) throw new Error(`${name}: no round ran`);
      rows.push({
        name,
        counts: first,
        ...(later === undefined ? {} : { laterCounts: later }),
        detail,
        medianMs: median(times),
      });
      console.error(`  measured: ${name}`);
    };
    const lastAlert = () => box.alerts().at(-1)?.message ?? '';
    const expectAlert = (what: string, text: string) => {
      if (!lastAlert().includes(text))
        throw new Error(`${what}: expected "${text}", the add-on said "${lastAlert()}"`);
    };

    await bench('baseline: one UrlFetchApp.fetch of /health', async () => {
      const status = await box.run(COORDINATOR, 'benchFetchHealth', `${backendUrl}/health`);
      if (status !== 200) throw new Error(`/health answered ${String(status)}`);
    });
    // Set up once for real; later rounds find the tabs in place (the "setup again" path).
    await bench('Set up reporting sheet (menu)', () => runSetUp(box, COORDINATOR));
    await runEnableLiveValidation(box, COORDINATOR);

    await bench('Validate whole sheet, all values stored', async () => {
      await box.run(COORDINATOR, 'menuValidateWholeSheet');
    });

    const typedRow = ifcaRows[0];
    if (typedRow === undefined) throw new Error('IFCA edits no installation in the example');
    await bench('one typed cell (partner, live validation)', async (round) => {
      await box.typeAs(IFCA, cellOf(typedRow, 'P3').a1, valueFor(typedRow, round + 1));
    });

    // 10 of IFCA's rows by P2..P3: the block a partner copies from their own accounting sheet.
    const pasteRows = ifcaRows.slice(0, 10);
    const corner = cellOf(pasteRows[0] ?? typedRow, 'P2');
    pasteRows.forEach((row, index) => {
      if (cellOf(row, 'P2').row !== corner.row + index) throw new Error('IFCA rows are not contiguous');
    });
    await bench('20-cell paste (partner, live validation)', async (round) => {
      const block = pasteRows.map((row) => [valueFor(row, round + 5), valueFor(row, round + 8)]);
      const result = await box.pasteAs(IFCA, corner.a1, block);
      if (result.executions.length !== 1) throw new Error('the paste fired no trigger');
    });

    const coordinatorClient = () => localSheetsClient(sheetsApi.rootUrl, COORDINATOR);
    const writtenRows = allRows.slice(0, 20);
    await bench(
      'Validate whole sheet after 20 values written via Sheets API',
      async () => {
        await box.run(COORDINATOR, 'menuValidateWholeSheet');
      },
      async (round) => {
        // Edits through the API fire no trigger: only a whole-sheet pass sees them.
        await coordinatorClient().spreadsheets.values.batchUpdate({
          spreadsheetId,
          requestBody: {
            valueInputOption: 'USER_ENTERED',
            data: writtenRows.map((row, index) => ({
              range: cellOf(row, 'P3').a1,
              values: [[valueFor(row, round * 20 + index + 11)]],
            })),
          },
        });
      },
    );

    const queuedRows = ifcaRows.slice(0, 3);
    await bench(
      'Sync pending edits, 3 queued (coordinator)',
      async () => {
        await box.run(COORDINATOR, 'menuSyncPending');
        expectAlert('Sync pending edits', 'The outbox is empty');
      },
      async (round) => {
        // The backend is down while a partner types three cells: they wait in the outbox.
        await stopRouter();
        for (const row of queuedRows) await box.typeAs(IFCA, cellOf(row, 'P3').a1, valueFor(row, round + 20));
        await startRouter();
        if (outboxItemsOf(box).length !== queuedRows.length)
          throw new Error(`expected ${queuedRows.length} queued edits, found ${outboxItemsOf(box).length}`);
      },
    );

    const periodAction =
      (menuItem: string, action: string, ...args: string[]) =>
      async () => {
        // The menu item asks the backend who may, then the picker page reads the periods and runs it.
        await box.run(COORDINATOR, menuItem);
        await box.run(COORDINATOR, 'periodDialogState', action);
        const answer = (await box.run(COORDINATOR, 'runPeriodAction', action, ...args)) as {
          ok?: boolean;
          message?: string;
        };
        if (answer.ok !== true) throw new Error(`${action}: ${answer.message}`);
      };
    await bench(
      'Compute summary PY1 (menu, picker, run)',
      periodAction('menuComputeSummary', 'summary', 'PY1'),
    );
    await bench(
      'Draft assessments PY1 (menu, picker, run)',
      periodAction('menuDraftAssessments', 'assessments', 'PY1'),
    );
    await bench(
      'Generate report PY1 docx (menu, picker, run)',
      periodAction('menuGenerateReport', 'report', 'PY1', 'docx'),
    );

    print(rows);
    printTriggerCapacity(rows);
    const used = box.host.quotas.usageOf(COORDINATOR);
    console.log(
      `  The double's own count for the coordinator over the whole run: ${used.urlFetchCalls} UrlFetch calls, ${(used.triggerRuntimeMs / 1000).toFixed(1)} s of trigger runtime (local, far below Google's).`,
    );
    await validateWholeSheetAtScale({ sheetsApi, distDir: dist.dir, signer, backendUrl, call });
  } finally {
    await sandbox?.close();
    await front?.stop();
    await router?.close();
    doc.destroy();
    await sheetsApi.close();
    await dynamo.stop();
    dist?.remove();
  }
}

function print(rows: Row[]): void {
  const baseline = rows[0]?.medianMs ?? NaN;
  const line = (cells: string[]) =>
    console.log(
      [
        (cells[0] ?? '').padEnd(58),
        ...cells.slice(1, 7).map((cell) => cell.padStart(8)),
        (cells[7] ?? '').padStart(10),
        (cells[8] ?? '').padStart(9),
        `  ${cells[9] ?? ''}`,
      ].join(' '),
    );
  console.log(
    `\nThe bundled add-on in the Apps Script sandbox against the real router on DynamoDB Local (${ROUNDS} rounds per operation;`,
  );
  console.log('counts are the first round\'s, "a→b" when later rounds differ; time is the median round).\n');
  line([
    'operation',
    'UrlFetch',
    'SpreadApp',
    'router',
    'DynamoDB',
    'SheetsAPI',
    'props B',
    'ms',
    '× /health',
    'most SpreadsheetApp calls',
  ]);
  const cell = (row: Row, key: keyof Counts) =>
    row.laterCounts === undefined || row.laterCounts[key] === row.counts[key] || key === 'propertyBytes'
      ? String(row.counts[key])
      : `${row.counts[key]}→${row.laterCounts[key]}`;
  for (const row of rows) {
    line([
      row.name,
      cell(row, 'urlFetch'),
      cell(row, 'spreadsheetApp'),
      cell(row, 'router'),
      cell(row, 'dynamo'),
      cell(row, 'sheetsApi'),
      cell(row, 'propertyBytes'),
      row.medianMs.toFixed(0),
      (row.medianMs / baseline).toFixed(1),
      row.detail,
    ]);
  }
  const typed = rows.find((row) => row.name.startsWith('one typed cell'));
  if (typed !== undefined) {
    const perEdit = typed.laterCounts?.urlFetch ?? typed.counts.urlFetch;
    const day = perEdit * PARTNER_DAY_EDITS;
    console.log(
      `\nA partner day of ${PARTNER_DAY_EDITS.toLocaleString('en')} edits (${perEdit} UrlFetch call${perEdit === 1 ? '' : 's'} each) uses ${((day / URLFETCH_QUOTA.consumer) * 100).toFixed(1)}% of the consumer UrlFetch quota (${URLFETCH_QUOTA.consumer.toLocaleString('en')} a day), ${((day / URLFETCH_QUOTA.workspace) * 100).toFixed(1)}% of Workspace's (${URLFETCH_QUOTA.workspace.toLocaleString('en')}).`,
    );
    console.log(
      "Every partner's edit runs the coordinator's one document trigger, so all partners' edits share the coordinator's quota.",
    );
  }
}

/**
 * Apps Script's daily quotas that bound the ONE document trigger every edit runs on (as its owner, a
 * coordinator): https://developers.google.com/apps-script/guides/services/quotas. The double counts
 * both (AppsScriptHost); here, how many edits a day one coordinator's trigger carries under each.
 */
const TRIGGER_QUOTAS = {
  consumer: { urlFetch: 20_000, runtimeMs: 90 * 60_000 },
  workspace: { urlFetch: 100_000, runtimeMs: 6 * 60 * 60_000 },
};
/**
 * Assumed, not measured here: what each call costs on Google's side. A UrlFetch to a warm AWS API
 * Gateway + Lambda in the EU, TLS included: about 300 ms; one SpreadsheetApp service call: about 40
 * ms; starting a trigger execution (loading the bundle): about 500 ms. The local wall times above say
 * nothing about these.
 */
const ASSUMED_MS = { urlFetch: 300, spreadsheetApp: 40, executionStart: 500 };

function printTriggerCapacity(rows: Row[]): void {
  const kinds = [
    ['one typed cell (partner, live validation)', 1],
    ['20-cell paste (partner, live validation)', 20],
  ] as const;
  console.log(
    `\nEdits a day one coordinator's trigger carries (assumed per call: UrlFetch ${ASSUMED_MS.urlFetch} ms, SpreadsheetApp ${ASSUMED_MS.spreadsheetApp} ms, execution start ${ASSUMED_MS.executionStart} ms):`,
  );
  for (const [name, cellsPerEdit] of kinds) {
    const row = rows.find((candidate) => candidate.name === name);
    if (row === undefined) continue;
    const counts = row.laterCounts ?? row.counts;
    const runtimeMs =
      ASSUMED_MS.executionStart +
      counts.urlFetch * ASSUMED_MS.urlFetch +
      counts.spreadsheetApp * ASSUMED_MS.spreadsheetApp;
    for (const [account, quota] of Object.entries(TRIGGER_QUOTAS)) {
      const byFetch =
        counts.urlFetch === 0 ? Number.POSITIVE_INFINITY : Math.floor(quota.urlFetch / counts.urlFetch);
      const byRuntime = Math.floor(quota.runtimeMs / runtimeMs);
      const carried = Math.min(byFetch, byRuntime);
      console.log(
        `  ${name.padEnd(44)} ${account.padEnd(9)} ${carried.toLocaleString('en').padStart(7)} edits (${(carried * cellsPerEdit).toLocaleString('en')} cells): UrlFetch allows ${byFetch.toLocaleString('en')} (${counts.urlFetch}/edit), trigger runtime ${byRuntime.toLocaleString('en')} (~${(runtimeMs / 1000).toFixed(1)} s/edit); bound by ${byRuntime <= byFetch ? 'runtime' : 'UrlFetch'}`,
      );
    }
  }
  console.log(
    "  Every partner's edit runs on the coordinator's trigger: these are the whole consortium's edits a day, not one partner's.",
  );
}

/** The example's config with its installations repeated (ids suffixed) up to `installations`. */
function scaledExample(projectIdOfCopy: string, installations: number) {
  const body = example.configBody as { project: Record<string, unknown>; installations: { id: string }[] };
  const copies = Math.ceil(installations / body.installations.length);
  const suffix = (id: string, copy: number) => (copy === 0 ? id : `${id}-${copy}`);
  const configBody = {
    ...body,
    project: { ...body.project, id: projectIdOfCopy },
    installations: Array.from({ length: copies }, (_, copy) =>
      body.installations.map((installation) => ({ ...installation, id: suffix(installation.id, copy) })),
    )
      .flat()
      .slice(0, installations),
  };
  const kept = new Set(configBody.installations.map((installation) => installation.id));
  const entryBatches = Array.from({ length: copies }, (_, copy) =>
    example.entryBatches.map((batch) => ({
      requestId: randomUUID(),
      cells: batch.cells
        .map((cell) => ({ ...cell, installationId: suffix(cell.installationId, copy) }))
        .filter((cell) => kept.has(cell.installationId)),
    })),
  )
    .flat()
    .filter((batch) => batch.cells.length > 0);
  return { configBody, entryBatches };
}

/**
 * Issue 15: "Validate whole sheet" reads each row's key from its cells in one read of the tab, so
 * its SpreadsheetApp calls must not grow with the rows: counted on the example (11 installations)
 * and on 200, each set up fresh on its own spreadsheet.
 */
async function validateWholeSheetAtScale(context: {
  sheetsApi: Awaited<ReturnType<typeof startLocalSheetsApi>>;
  distDir: string;
  signer: ReturnType<typeof createLocalIdentitySigner>;
  backendUrl: string;
  call: (method: string, path: string, body?: unknown) => Promise<void>;
}): Promise<void> {
  const lines: string[] = [];
  for (const installations of [11, 200]) {
    const scaledId = `scale-${installations}`;
    const { configBody, entryBatches } = scaledExample(scaledId, installations);
    await context.call('PUT', apiPaths.config(scaledId), configBody);
    for (const batch of entryBatches) await context.call('POST', apiPaths.entries(scaledId), batch);
    const spreadsheetId = context.sheetsApi.createSpreadsheet({
      title: `Validate whole sheet at ${installations}`,
      owner: COORDINATOR,
      sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL, IFCA, INCD],
    });
    const box = await startAddonSandbox({
      model: context.sheetsApi.model,
      spreadsheetId,
      distDir: context.distDir,
      signer: context.signer,
      audience: AUDIENCE,
      fetchTimeoutMs: 60_000,
    });
    try {
      await box.open(COORDINATOR);
      await saveSettings(box, COORDINATOR, { backendUrl: context.backendUrl, projectId: scaledId });
      await runSetUp(box, COORDINATOR);
      box.host.resetServiceCallCounts();
      await box.run(COORDINATOR, 'menuValidateWholeSheet');
      const failed = box.executions().filter((record) => record.error !== undefined);
      if (failed.length > 0) throw new Error(`Validate whole sheet at ${installations}: ${failed[0]?.error}`);
      const done = box.toasts().at(-1)?.message ?? box.alerts().at(-1)?.message ?? '';
      const calls = Object.entries(box.host.serviceCallCounts()).filter(([op]) => SPREADSHEET_OPS.test(op));
      const total = calls.reduce((sum, [, count]) => sum + count, 0);
      const top = [...calls]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([op, count]) => `${op}×${count}`)
        .join(' ');
      lines.push(
        `${String(installations).padStart(4)} installations: ${String(total).padStart(4)} SpreadsheetApp calls (${top}); ${done}`,
      );
    } finally {
      await box.close();
    }
  }
  console.log('\nValidate whole sheet, SpreadsheetApp calls by number of installations (all values stored):');
  for (const line of lines) console.log(`  ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
