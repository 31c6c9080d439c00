import type { ContainerOverrides } from '../../../functions/api/container';
import { apiPaths } from '../../../functions/api/contract';
import {
  type AddonSandbox,
  outboxItemsOf,
  privateAddonCopy,
  runEnableLiveValidation,
  runSetUp,
  saveSettings,
  startAddonSandbox,
  type ValueCellRef,
  valueCellOf,
} from '../../../functions/local/apps-script';
import { backgroundOf } from '../../../functions/local/apps-script/colours';
import { type ServedRouter, serveRouter } from '../../../functions/local/serve-router';
import { LOCAL_SERVICE_ACCOUNT_EMAIL } from '../../../functions/local/sheets-api';
import { ADDON_DIST, buildAddon } from '../../../scripts/build-addon';
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
  /** The backend URL typed in Settings; default: the router itself. */
  backendUrl?: string;
  /** Who else the coordinator shares the spreadsheet with (default IFCA and INCD). */
  sharedWith?: string[];
}

export interface AddonSandboxStack {
  stack: SheetsStack;
  box(): AddonSandbox;
  readonly spreadsheetId: string;
  /** The router's address; it keeps its port across stopBackend/startBackend. */
  readonly backendUrl: string;
  startBackend(): Promise<void>;
  stopBackend(): Promise<void>;
  /** The coordinator opens a new sheet, enters the settings, runs Set up and Enable live validation. */
  coordinatorSetsUp(options?: SetUpOptions): Promise<void>;
  cellOf(installationId: string, metricId: string, periodId: string): ValueCellRef;
  paintOf(cell: ValueCellRef): { background: string; note: string };
  /** What the cell holds in the workbook model, as entered. */
  valueOf(cell: ValueCellRef): unknown;
  entriesPosts(): ReturnType<AddonSandbox['fetches']>;
  outboxItems(): { submission: { raw: unknown } }[];
  lastAlert(): string;
  /** The backend's current values of a period, read as the coordinator. */
  current(periodId: string): Promise<StoredEntry[]>;
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
    fetchTimeoutMs?: number;
  } = {},
): AddonSandboxStack {
  const stack = useSheetsStack(undefined, {
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
  });
  let dist: { dir: string; remove(): void } | undefined;
  let router: ServedRouter | undefined;
  let port = 0;
  let sandbox: AddonSandbox | undefined;
  let spreadsheetId = '';

  const startBackend = async () => {
    router = await serveRouter(() => stack.api.container, { port });
    port = Number(new URL(router.url).port);
  };
  const stopBackend = async () => {
    await router?.close();
    router = undefined;
  };

  beforeAll(async () => {
    buildAddon();
    dist = privateAddonCopy(ADDON_DIST);
    await startBackend();
  });

  afterAll(async () => {
    await stopBackend();
    dist?.remove();
  });

  afterEach(async () => {
    expect(sandbox?.executions().filter((record) => record.error !== undefined) ?? []).toEqual([]);
    await sandbox?.close();
    sandbox = undefined;
    if (router === undefined) await startBackend();
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
      audience: TEST_AUDIENCE,
      fetchTimeoutMs: options.fetchTimeoutMs ?? 10_000,
    });
    await box().open(COORDINATOR);
    await saveSettings(box(), COORDINATOR, {
      backendUrl: setUp.backendUrl ?? router?.url,
      projectId: 'imagine',
    });
    await runSetUp(box(), COORDINATOR);
    if (setUp.liveValidation === false) return;
    await runEnableLiveValidation(box(), COORDINATOR);
    expect(box().triggers()).toEqual([
      expect.objectContaining({ handlerFunction: 'onLiveEdit', eventType: 'ON_EDIT', owner: COORDINATOR }),
    ]);
  }

  return {
    stack,
    box,
    get spreadsheetId() {
      return spreadsheetId;
    },
    get backendUrl() {
      if (router === undefined) throw new Error('the backend is stopped');
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
  };
}
