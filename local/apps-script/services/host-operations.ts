import type { DailyQuotaLedger } from '../daily-quotas';
import type { Execution } from '../execution';
import { cacheOperations } from './cache-service';
import { developerMetadataOperations } from './developer-metadata';
import { type Locks, lockOperations } from './lock-service';
import { mailOperations, type SentMail } from './mail-app';
import { type PropertyStores, propertiesOperations } from './properties-service';
import { protectionOperations } from './protection';
import { type ScriptAppOptions, type ScriptProject, scriptAppOperations } from './script-app';
import { sessionOperations } from './session';
import type { SpreadsheetAccess } from './spreadsheet-access';
import { type SpreadsheetRecords, spreadsheetOperations } from './spreadsheet-app';
import { type UiRecords, uiOperations } from './ui';
import { type UrlFetcher, urlFetchOperations } from './url-fetch-app';

/** The state each service's operations work on, owned by the host. */
export interface HostServices {
  access: SpreadsheetAccess;
  records: SpreadsheetRecords & UiRecords;
  properties: PropertyStores;
  locks: Locks;
  fetcher: UrlFetcher;
  quotas: DailyQuotaLedger;
  /** What MailApp sent, in order. */
  mails: SentMail[];
  project: ScriptProject;
  script: ScriptAppOptions;
  timeZone: string;
  now: () => number;
}

/**
 * Every operation an execution may ask the host for, by name ("range.values", "url.fetch"…): each is
 * one call to a Google service. Names are unique across services.
 */
export function hostOperations(services: HostServices) {
  return {
    ...sessionOperations(services.timeZone),
    ...spreadsheetOperations(services.access, services.records),
    ...developerMetadataOperations(services.access),
    ...protectionOperations(services.access),
    ...uiOperations(services.records),
    ...propertiesOperations(services.properties),
    ...cacheOperations(services.now),
    ...lockOperations(services.locks),
    ...urlFetchOperations(services.fetcher, services.quotas),
    ...mailOperations(services.quotas, services.mails),
    ...scriptAppOperations(services.project, services.script),
  };
}

export type HostOperations = ReturnType<typeof hostOperations>;
/** A name the host answers: any other fails to compile on the script's side. */
export type HostOperationName = keyof HostOperations;
/** What an execution passes for `name`, after the Execution the host supplies itself. */
export type HostOperationArgs<Name extends HostOperationName> = HostOperations[Name] extends (
  execution: Execution,
  ...args: infer Args
) => unknown
  ? Args
  : never;
/** What the execution receives: a promise (a lock wait, a fetch) is settled on the main thread first. */
export type HostOperationResult<Name extends HostOperationName> = Awaited<ReturnType<HostOperations[Name]>>;
