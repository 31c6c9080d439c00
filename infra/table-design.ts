import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import {
  ENTRY_KEY_SEPARATORS,
  type EntryKey,
  STORAGE_KEY_ORDER,
} from '../functions/domain/entries/entry-key';
import table from './table.json';

/**
 * The one table's design, read from table.json so that serverless.yml, the local setup and the tests
 * create exactly the same table. infra/README.md lists the access patterns these keys serve.
 */
export const TABLE_DESIGN = table;

/** Versions are zero-padded so that the sort key's string order is the numeric order. */
const VERSION_DIGITS = 10;
const SEPARATOR = ENTRY_KEY_SEPARATORS.storage;

export class InvalidKeyPartError extends Error {
  constructor(
    readonly part: string,
    readonly found: string,
  ) {
    super(
      `Cannot build a storage key from ${part} "${found}": expected a non-empty id without "${SEPARATOR}".`,
    );
    this.name = 'InvalidKeyPartError';
  }
}

/** Ids are slugs already (see identifiers.ts); this guards keys against ids that skipped validation. */
function part(name: string, value: string): string {
  if (value.length === 0 || value.includes(SEPARATOR)) throw new InvalidKeyPartError(name, value);
  return value;
}

/** The entry's parts in the stored order, each checked, joined by the storage separator. */
function entryParts(key: EntryKey, order: readonly (keyof EntryKey)[]): string {
  return order.map((name) => part(name, key[name])).join(SEPARATOR);
}

export function padVersion(version: number): string {
  if (!Number.isSafeInteger(version) || version < 0) {
    throw new InvalidKeyPartError('version', String(version));
  }
  return String(version).padStart(VERSION_DIGITS, '0');
}

export const keys = {
  /** Partition of everything one project owns except entry histories: config, current entries, drafts. */
  projectPk: (projectId: string) => `PROJECT#${part('projectId', projectId)}`,

  configPrefix: 'CONFIG#',
  configProjectSk: 'CONFIG#PROJECT',
  /** Where installations were stored before each revision had its own (still read, never written). */
  configInstallationPrefix: 'CONFIG#INSTALLATION#',
  /** The installations of one configuration revision: written before CONFIG#PROJECT points at it. */
  configRevisionPrefix: (revision: string) => `CONFIG#REV#${part('revision', revision)}#INSTALLATION#`,
  configRevisionInstallationSk: (revision: string, installationId: string) =>
    `CONFIG#REV#${part('revision', revision)}#INSTALLATION#${part('installationId', installationId)}`,
  configInstallationSk: (installationId: string) =>
    `CONFIG#INSTALLATION#${part('installationId', installationId)}`,

  /** The trailing separator keeps P1 from matching P10. */
  entryPeriodPrefix: (periodId: string) => `ENTRY#${part('periodId', periodId)}#`,
  entrySk: (key: EntryKey) => `ENTRY#${entryParts(key, STORAGE_KEY_ORDER.currentEntry)}`,

  /** Each cell's history has its own partition, so its versions never crowd the project partition. */
  historyPk: (projectId: string, key: EntryKey) =>
    `HISTORY#${part('projectId', projectId)}#${entryParts(key, STORAGE_KEY_ORDER.history)}`,
  /** Where history items were written before they were keyed by requestId: still listed, never written. */
  historyVersionSk: (version: number) => `V#${padVersion(version)}`,
  /** A submission's history item, which is its request's idempotency record too, scoped to the cell. */
  requestSk: (requestId: string) => {
    if (requestId.length === 0 || requestId.length > 512) {
      throw new InvalidKeyPartError('requestId', requestId.slice(0, 40));
    }
    return `REQUEST#${requestId}`;
  },

  /** The spreadsheet bound to the project: one item, replaced when a coordinator binds another. */
  sheetBindingSk: 'SHEET#BINDING',
  /**
   * The configuration revision the bound spreadsheet's configuration tabs were last written from or
   * applied as: the backend's own record, so a sheet edit can never pass stale tabs off as current.
   */
  configTabsSk: 'SHEET#CONFIG-TABS',
  /** A coordinator's pending proof that they can edit a spreadsheet, keyed by a hash of their e-mail. */
  sheetChallengeSk: (callerHash: string) => `SHEET#CHALLENGE#${part('callerHash', callerHash)}`,
  /** Which project a spreadsheet belongs to: one item per spreadsheet, so it holds one project. */
  spreadsheetPk: (spreadsheetId: string) => `SPREADSHEET#${part('spreadsheetId', spreadsheetId)}`,
  spreadsheetOwnerSk: 'OWNER',

  /** Written then deleted by GET .../diagnostics: proves the function may write to the table. */
  diagnosticsProbeSk: 'DIAGNOSTICS#PROBE',

  /** What the functions last wrote into each assessment cell of a window's sheet rows (text hashes). */
  sheetWrittenSk: (windowId: string) => `SHEET#WRITTEN#${part('windowId', windowId)}`,

  /** Every lock of the project's periods, reopened ones included: one small item, read with each edit's cells. */
  locksSk: 'LOCK#INDEX',
  /** What a lock froze beside the history: the configuration (and, for older locks, its window's texts). */
  lockSnapshotSk: (lockId: string) => `LOCK#SNAPSHOT#${part('lockId', lockId)}`,
  /** The assessment texts of one window a lock overlaps, as the lock froze them: an item per window. */
  lockDraftsSk: (lockId: string, windowId: string) =>
    `LOCK#SNAPSHOT#${part('lockId', lockId)}#DRAFTS#${part('windowId', windowId)}`,
  /** A period's confirmations: partners standing behind an installation's figures (issue 19). */
  confirmationPeriodPrefix: (periodId: string) => `CONFIRMATION#${part('periodId', periodId)}#`,
  /**
   * One confirmation; the instant keeps every earlier one of the same installation and period, and a
   * random suffix two confirmations within the same millisecond (a fixed test clock, say).
   */
  confirmationSk: (periodId: string, installationId: string, confirmedAt: string, suffix: string) =>
    `CONFIRMATION#${part('periodId', periodId)}#${part('installationId', installationId)}#${part('confirmedAt', confirmedAt)}#${part('suffix', suffix)}`,

  draftWindowPrefix: (windowId: string) => `DRAFT#${part('windowId', windowId)}#`,
  draftSk: (windowId: string, installationId: string) =>
    `DRAFT#${part('windowId', windowId)}#${part('installationId', installationId)}`,
} as const;

/** The CreateTable request for `tableName`: the CloudFormation-only properties are left out. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    AttributeDefinitions: TABLE_DESIGN.AttributeDefinitions.map((definition) => ({
      AttributeName: definition.AttributeName,
      AttributeType: definition.AttributeType as 'S' | 'N' | 'B',
    })),
    KeySchema: TABLE_DESIGN.KeySchema.map((element) => ({
      AttributeName: element.AttributeName,
      KeyType: element.KeyType as 'HASH' | 'RANGE',
    })),
    BillingMode: TABLE_DESIGN.BillingMode as 'PAY_PER_REQUEST',
  };
}
