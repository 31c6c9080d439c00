import { CacheService } from './globals/cache-service';
import { addMetadata, finder } from './globals/developer-metadata';
import { HtmlService } from './globals/html-service';
import { LockService } from './globals/lock-service';
import { consoleFacade, Logger } from './globals/logger';
import { MailApp } from './globals/mail-app';
import { PropertiesService } from './globals/properties-service';
import { protectionFacade } from './globals/protection';
import { rangeFacade } from './globals/range';
import { ScriptApp } from './globals/script-app';
import type { ExecutionServices, ScriptContext } from './globals/script-context';
import { Session } from './globals/session';
import { SpreadsheetApp, sheetFacade, spreadsheetFacade, user } from './globals/spreadsheet-app';
import { ui } from './globals/ui';
import { UrlFetchApp } from './globals/url-fetch-app';
import { Utilities } from './globals/utilities';
import type { RangeRef } from './host-views';

export type { ExecutionServices, HostCall } from './globals/script-context';

export interface AppsScriptGlobals {
  /** Exactly what the execution's context holds. */
  globals: Record<string, unknown>;
  /** For building trigger event objects outside the context. */
  facades: {
    spreadsheet(): unknown;
    range(ref: RangeRef): unknown;
    user(email: string): unknown;
  };
}

/**
 * The Apps Script services as one execution sees them, in its worker thread: each service's facade is
 * in globals/, and every object refers to state the main thread owns (see ExecutionServices).
 */
export function buildAppsScriptGlobals(services: ExecutionServices): AppsScriptGlobals {
  const ctx: ScriptContext = {
    services,
    call: services.call,
    fail: (message: string) => services.makeError(message),
    facades: {
      spreadsheetFacade: () => spreadsheetFacade(ctx),
      sheetFacade: (sheetId) => sheetFacade(ctx, sheetId),
      rangeFacade: (ref) => rangeFacade(ctx, ref),
      user: (email) => user(ctx, email),
      protectionFacade: (view) => protectionFacade(ctx, view),
      finder: (scope) => finder(ctx, scope),
      addMetadata: (anchor, key, value, visibility) => addMetadata(ctx, anchor, key, value, visibility),
    },
  };
  const globals = {
    SpreadsheetApp: SpreadsheetApp(ctx, ui(ctx)),
    HtmlService: HtmlService(ctx),
    PropertiesService: PropertiesService(ctx),
    CacheService: CacheService(ctx),
    LockService: LockService(ctx),
    UrlFetchApp: UrlFetchApp(ctx),
    MailApp: MailApp(ctx),
    ScriptApp: ScriptApp(ctx),
    Session: Session(ctx),
    Utilities: Utilities(ctx),
    Logger: Logger(ctx),
    console: consoleFacade(ctx),
  };
  const { facades } = ctx;
  return {
    globals,
    facades: { spreadsheet: facades.spreadsheetFacade, range: facades.rangeFacade, user: facades.user },
  };
}
