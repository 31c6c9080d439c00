import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DateTime } from 'luxon';
import { type Env, getEnv } from '../commons/env';
import { lazySheetsGateway, sheetsSettingsFromEnv } from '../sheets/client/sheets-from-env';
import type { SheetsGateway } from '../sheets/client/sheets-gateway';
import { ConfigCache } from '../storage/config-cache';
import { ConfigStore } from '../storage/config-store';
import { ConfigTabsStore } from '../storage/config-tabs-store';
import { ConfirmationStore } from '../storage/confirmation-store';
import { DraftStore } from '../storage/draft-store';
import { createDocumentClient } from '../storage/dynamo-client';
import { EntryStore } from '../storage/entry-store';
import { LockStore } from '../storage/lock-store';
import { SheetBindingStore } from '../storage/sheet-binding-store';
import { SheetChallengeStore } from '../storage/sheet-challenge-store';
import { TableProbe } from '../storage/table-probe';
import { type Authenticator, createAuthenticator } from './auth/authenticate';
import { requireLoopbackHost } from './auth/loopback-host';
import { createIdTokenVerifier, googleSigningKeys, type SigningKeysProvider } from './auth/verify-id-token';
import type { ApiRequest } from './http-types';

/** What the routes depend on, built once per process and handed to every request. */
export interface Container {
  entries: EntryStore;
  configs: ConfigStore;
  /** Each project's configuration, kept per process; edits notice a newer one by its revision. */
  configCache: ConfigCache;
  /** Which configuration revision the bound spreadsheet's configuration tabs come from (issue 18). */
  configTabs: ConfigTabsStore;
  drafts: DraftStore;
  /** Locks of periods whose deliverable was submitted. */
  locks: LockStore;
  /** Partners' confirmations of their figures (issue 19). */
  confirmations: ConfirmationStore;
  sheetBindings: SheetBindingStore;
  /** One-time proofs that a coordinator can edit the spreadsheet they bind. */
  sheetChallenges: SheetChallengeStore;
  /** Writes and deletes one item: GET .../diagnostics proves the table is writable. */
  tableProbe: TableProbe;
  /** The Sheets API, built on first use so that routes which never write a sheet need no credentials. */
  sheets: () => SheetsGateway;
  authenticate: Authenticator;
  /** Runs before any route or token work; throws to refuse the request (the dev mode's Host check). */
  admitRequest: (request: ApiRequest) => void;
  now: () => DateTime;
  log: (line: string) => void;
  reportLinks: ReportLinkSettings;
  /** PROJECT_CREATORS: e-mails and "@domain" entries allowed to create a project; empty: nobody. */
  projectCreators: readonly string[];
}

/** Signed report links (the sheet's download link): the secret stays undefined until an operator sets it. */
export interface ReportLinkSettings {
  secret: string | undefined;
  ttlSeconds: number;
  publicBaseUrl: string | undefined;
}

export interface ContainerOverrides {
  /** Tests pass their own public keys instead of Google's. */
  signingKeys?: SigningKeysProvider;
  now?: () => DateTime;
  log?: (line: string) => void;
  /** Benchmarks pass a client they instrument (e.g. counting requests) instead of one built from env. */
  doc?: DynamoDBDocumentClient;
  /** Tests point the real Sheets client at their local Sheets API, with their own retry settings. */
  sheets?: () => SheetsGateway;
}

export function buildContainer(env: Env, overrides: ContainerOverrides = {}): Container {
  const doc =
    overrides.doc ??
    createDocumentClient({
      region: env.AWS_REGION,
      ...(env.DYNAMODB_ENDPOINT === undefined ? {} : { endpoint: env.DYNAMODB_ENDPOINT }),
    });
  const verifyIdToken = createIdTokenVerifier({
    // env.ts requires an audience in oidc mode; the dev mode still verifies bearer tokens when sent.
    audience: env.OIDC_AUDIENCE ?? ['dev-mode-accepts-no-bearer-token'],
    issuers: env.ALLOWED_ISSUERS,
    keys: overrides.signingKeys ?? googleSigningKeys(),
  });
  const now = overrides.now ?? (() => DateTime.utc());
  const configs = new ConfigStore(doc, env.TABLE_NAME);
  return {
    entries: new EntryStore(doc, env.TABLE_NAME, { recentCellsMs: env.RECENT_CELLS_MS }),
    configs,
    configCache: new ConfigCache(configs),
    configTabs: new ConfigTabsStore(doc, env.TABLE_NAME),
    drafts: new DraftStore(doc, env.TABLE_NAME),
    locks: new LockStore(doc, env.TABLE_NAME),
    confirmations: new ConfirmationStore(doc, env.TABLE_NAME),
    // The binding's date comes from the same clock as everything else a request records.
    sheetBindings: new SheetBindingStore(doc, env.TABLE_NAME, { now: () => now().toJSDate() }),
    sheetChallenges: new SheetChallengeStore(doc, env.TABLE_NAME, { now: () => now().toJSDate() }),
    tableProbe: new TableProbe(doc, env.TABLE_NAME),
    sheets: overrides.sheets ?? lazySheetsGateway(() => sheetsSettingsFromEnv(env)),
    authenticate: createAuthenticator({ mode: env.AUTH_MODE, verifyIdToken }),
    admitRequest: env.AUTH_MODE === 'dev' ? requireLoopbackHost : () => undefined,
    now,
    log: overrides.log ?? ((line) => console.error(line)),
    projectCreators: env.PROJECT_CREATORS,
    reportLinks: {
      secret: env.REPORT_LINK_SECRET,
      ttlSeconds: env.REPORT_LINK_TTL_SECONDS,
      publicBaseUrl: env.PUBLIC_BASE_URL,
    },
  };
}

let processContainer: Container | undefined;

/**
 * The container of the deployed function, built on first use from process.env so that importing the
 * router never throws; a configuration error then answers 500 and names the variable in the log.
 */
export function getProcessContainer(): Container {
  processContainer ??= buildContainer(getEnv());
  return processContainer;
}
