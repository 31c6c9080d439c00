import type { ContainerOverrides } from '../../../functions/api/container';
import { apiPaths, type HistoryItem } from '../../../functions/contract/contract';
import {
  type AddonSandbox,
  type DailyQuotas,
  outboxItemsOf,
  runEnableLiveValidation,
  runSetUp,
  saveSettings,
  startAddonSandbox,
  type ValueCellRef,
  valueCellOf,
} from '../../../local/apps-script';
import { backgroundOf } from '../../../local/apps-script/colours';
import {
  type LocalCertificate,
  makeLocalCertificate,
  startTlsFront,
  type TlsFront,
} from '../../../local/apps-script/local-tls';
import { type ServedRouter, serveRouter } from '../../../local/serve-router';
import { LOCAL_SERVICE_ACCOUNT_EMAIL } from '../../../local/sheets-api';
import { buildAddonForBackend } from '../../../scripts/build-addon';
import { COORDINATOR, IFCA, INCD } from '../../integration/api/api-test-server';
import { type SheetsStack, useSheetsStack } from '../../integration/sheets/sheets-test-stack';
import { TEST_AUDIENCE } from '../../integration/support/sign-test-token';

export type { ValueCellRef };

export interface StoredEntry {
  installationId: string;
  metricId: string;
  raw: unknown;
  status: string;
}

export interface SetUpOptions {
  /** Run "Enable live validation" after Set up (default true). */
  liveValidation?: boolean;
  /** The backend URL typed in Settings; default: the backend the add-on was built for. */
  backendUrl?: string;
  /**
   * A plain-http server the TLS backend passes requests on to instead of the router (a test's gate
   * in front of `routerUrl`), until the test ends.
   */
  via?: string;
  /** Who else the coordinator shares the spreadsheet with (default IFCA and INCD). */
  sharedWith?: string[];
  /** Stop once the settings are saved: no Set up (say, when the backend refuses the tokens). */
  settingsOnly?: boolean;
  /** The aud of the identity tokens the sandbox signs (default TEST_AUDIENCE, the backend's). */
  tokenAudience?: string;
}

export interface AddonSandboxStack {
  stack: SheetsStack;
  box(): AddonSandbox;
  readonly spreadsheetId: string;
  /**
   * The backend as the add-on reaches it: https on 127.0.0.1 (a certificate made for this run), the
   * one address its build allowlists. It keeps its port across stopBackend/startBackend.
   */
  readonly backendUrl: string;
  /** The router itself, plain http: where a test's gate sends requests on to. */
  readonly routerUrl: string;
  startBackend(): Promise<void>;
  stopBackend(): Promise<void>;
  /** The coordinator opens a new sheet, enters the settings, runs Set up and Enable live validation. */
  coordinatorSetsUp(options?: SetUpOptions): Promise<void>;
  /**
   * `owner` opens a new, empty spreadsheet (shared with the service account and `sharedWith`) with
   * the add-on: no project, no settings, nothing seeded.
   */
  opensEmptySheet(owner: string, sharedWith: readonly string[]): Promise<void>;
  cellOf(installationId: string, metricId: string, periodId: string): ValueCellRef;
  paintOf(cell: ValueCellRef): { background: string; note: string };
  /** What the cell holds in the workbook model, as entered. */
  valueOf(cell: ValueCellRef): unknown;
  entriesPosts(): ReturnType<AddonSandbox['fetches']>;
  outboxItems(): { submission: { raw: unknown } }[];
  lastAlert(): string;
  /** The backend's current values of a period, read as the coordinator. */
  current(periodId: string): Promise<StoredEntry[]>;
  /** A cell's history as the coordinator reads it (GET …/history), oldest first. */
  history(installationId: string, metricId: string, periodId: string): Promise<HistoryItem[]>;
}

/**
 * The add-on's BUNDLED code (npm run build:addon) in the Apps Script sandbox over the same workbook
 * model as the local Sheets API, its requests reaching the real router on DynamoDB Local in OIDC mode
 * with identity tokens signed by the tests' key. Registers its own jest hooks; after each test it
 * checks that no execution (menu item, page call or trigger) ended in an exception.
 */
export function useAddonSandboxStack(
  options: {
    env?: Readonly<Record<string, string>>;
    overrides?: () => ContainerOverrides;
    /** Each user's daily Apps Script quotas (default: a consumer account's). */
    quotasFor?: (email: string) => DailyQuotas;
  } = {},
): AddonSandboxStack {
  const stack = useSheetsStack(undefined, {
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
  });
  let dist: { dir: string; remove(): void } | undefined;
  let router: ServedRouter | undefined;
  let certificate: LocalCertificate | undefined;
  let front: TlsFront | undefined;
  let backendUp = false;
  let sandbox: AddonSandbox | undefined;
  let spreadsheetId = '';

  const startBackend = async () => {
    await front?.start();
    backendUp = true;
  };
  const stopBackend = async () => {
    await front?.stop();
    backendUp = false;
  };

  beforeAll(async () => {
    router = await serveRouter(() => stack.api.container);
    certificate = makeLocalCertificate();
    front = await startTlsFront(certificate, router.url);
    backendUp = true;
    dist = buildAddonForBackend(front.url);
  });

  afterAll(async () => {
    await front?.stop();
    await router?.close();
    dist?.remove();
  });

  afterEach(async () => {
    expect(sandbox?.executions().filter((record) => record.error !== undefined) ?? []).toEqual([]);
    await sandbox?.close();
    sandbox = undefined;
    if (front !== undefined && router !== undefined) front.upstream = router.url;
    if (!backendUp) await startBackend();
  });

  const box = () => {
    if (sandbox === undefined) throw new Error('no sandbox: call coordinatorSetsUp first');
    return sandbox;
  };
  const model = () => stack.sheetsApi.model;

  const cellOf = (installationId: string, metricId: string, periodId: string): ValueCellRef =>
    valueCellOf(model(), spreadsheetId, { installationId, metricId, periodId });
  const liveSheet = (cell: ValueCellRef) => model().get(spreadsheetId).sheetById(cell.sheetId);

  async function coordinatorSetsUp(setUp: SetUpOptions = {}): Promise<void> {
    await stack.api.seedExample();
    spreadsheetId = stack.sheetsApi.createSpreadsheet({
      title: 'iMagine VA metrics',
      owner: COORDINATOR,
      sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL, ...(setUp.sharedWith ?? [IFCA, INCD])],
    });
    sandbox = await startAddonSandbox({
      model: model(),
      spreadsheetId,
      distDir: dist?.dir ?? '',
      signer: stack.api.signer,
      audience: setUp.tokenAudience ?? TEST_AUDIENCE,
      trustedCertificates: certificate === undefined ? [] : [certificate.cert],
      ...(options.quotasFor === undefined ? {} : { quotasFor: options.quotasFor }),
    });
    if (setUp.via !== undefined && front !== undefined) front.upstream = setUp.via;
    await box().open(COORDINATOR);
    await saveSettings(box(), COORDINATOR, {
      backendUrl: setUp.backendUrl ?? front?.url,
      projectId: 'imagine',
    });
    if (setUp.settingsOnly === true) return;
    await runSetUp(box(), COORDINATOR);
    if (setUp.liveValidation === false) return;
    await runEnableLiveValidation(box(), COORDINATOR);
    expect(box().triggers()).toEqual([
      expect.objectContaining({ handlerFunction: 'onLiveEdit', eventType: 'ON_EDIT', owner: COORDINATOR }),
    ]);
  }

  async function opensEmptySheet(owner: string, sharedWith: readonly string[]): Promise<void> {
    spreadsheetId = stack.sheetsApi.createSpreadsheet({
      title: 'Consortium VA metrics',
      owner,
      sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL, ...sharedWith],
    });
    sandbox = await startAddonSandbox({
      model: model(),
      spreadsheetId,
      distDir: dist?.dir ?? '',
      signer: stack.api.signer,
      audience: TEST_AUDIENCE,
      trustedCertificates: certificate === undefined ? [] : [certificate.cert],
    });
    await box().open(owner);
  }

  return {
    stack,
    box,
    opensEmptySheet,
    get spreadsheetId() {
      return spreadsheetId;
    },
    get backendUrl() {
      if (front === undefined) throw new Error('the backend is not started');
      return front.url;
    },
    get routerUrl() {
      if (router === undefined) throw new Error('the router is not started');
      return router.url;
    },
    startBackend,
    stopBackend,
    coordinatorSetsUp,
    cellOf,
    paintOf: (cell) => ({
      background: backgroundOf(liveSheet(cell).getFormat(cell.row, cell.column)),
      note: liveSheet(cell).getNote(cell.row, cell.column) ?? '',
    }),
    valueOf: (cell) => liveSheet(cell).getValue(cell.row, cell.column),
    entriesPosts: () =>
      box()
        .fetches()
        .filter((fetch) => fetch.method === 'POST' && /\/entries$/.test(fetch.url)),
    outboxItems: () => outboxItemsOf(box()),
    lastAlert: () => box().alerts().at(-1)?.message ?? '',
    current: async (periodId) => {
      const answer = await stack.api.call('GET', apiPaths.currentEntries('imagine', periodId), {
        as: COORDINATOR,
      });
      expect(answer.status).toBe(200);
      return answer.body.entries as StoredEntry[];
    },
    history: async (installationId, metricId, periodId) => {
      const answer = await stack.api.call(
        'GET',
        apiPaths.history('imagine', installationId, metricId, periodId),
        {
          as: COORDINATOR,
        },
      );
      expect(answer.status).toBe(200);
      return answer.body.items as HistoryItem[];
    },
  };
}
