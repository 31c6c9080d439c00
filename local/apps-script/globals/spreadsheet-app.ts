import { enumOf, type GoogleLike, type ScriptContext, strict } from './script-context';

/**
 * Dates come from the host as this thread's Dates: made again as the execution's own, so that the
 * add-on's `value instanceof Date` holds as in Apps Script.
 */
export const inContext = (ctx: ScriptContext, grid: unknown[][]): unknown[][] => {
  let ContextDate: DateConstructor | undefined;
  return grid.map((line) =>
    line.map((value) => {
      if (Object.prototype.toString.call(value) !== '[object Date]') return value;
      ContextDate ??= ctx.services.evaluateInContext('Date') as DateConstructor;
      return new ContextDate((value as Date).getTime());
    }),
  );
};

export const user = (ctx: ScriptContext, email: string) =>
  strict(ctx.services, 'User', {
    getEmail: () => email,
    toString: () => email,
  });

/** A Sheet: its properties read from the host at each call, as the sheet may change between calls. */
export const sheetFacade = (ctx: ScriptContext, sheetId: number): GoogleLike => {
  const info = () => ctx.call('sheet.info', sheetId);
  const self: GoogleLike = strict(ctx.services, 'Sheet', {
    getSheetId: () => sheetId,
    getName: () => info().name,
    getSheetName: () => info().name,
    getIndex: () => info().index + 1,
    getParent: () => ctx.facades.spreadsheetFacade(),
    getMaxRows: () => info().maxRows,
    getMaxColumns: () => info().maxColumns,
    getLastRow: () => info().lastRow,
    getLastColumn: () => info().lastColumn,
    getRange: (...args: unknown[]) => {
      if (typeof args[0] === 'string')
        return ctx.facades.rangeFacade(ctx.call('sheet.range', sheetId, args[0]));
      const [row, column, numRows = 1, numColumns = 1] = args.map(Number);
      // A missing row or column goes to the host as it is; its bounds check answers for it.
      const spec = [row, column, numRows, numColumns] as [number, number, number, number];
      return ctx.facades.rangeFacade(ctx.call('sheet.range', sheetId, spec));
    },
    getDataRange: () => {
      const { lastRow, lastColumn } = info();
      return ctx.facades.rangeFacade(
        ctx.call('sheet.range', sheetId, [1, 1, Math.max(lastRow, 1), Math.max(lastColumn, 1)]),
      );
    },
    activate: () => {
      ctx.call('sheet.activate', sheetId);
      return self;
    },
    getDeveloperMetadata: () =>
      ctx.facades.finder({ kind: 'sheet', sheetId }).withLocationType('SHEET').find(),
    addDeveloperMetadata: (key: string, value?: string, visibility?: string) => {
      ctx.facades.addMetadata({ kind: 'sheet', sheetId }, key, value, visibility);
      return self;
    },
    createDeveloperMetadataFinder: () => ctx.facades.finder({ kind: 'sheet', sheetId }),
    getProtections: (type: string) =>
      ctx.call('protection.list', sheetId, String(type)).map(ctx.facades.protectionFacade),
    protect: () => ctx.facades.protectionFacade(ctx.call('protection.protect', { sheetId })),
    toString: () => 'Sheet',
  });
  return self;
};

/** The Spreadsheet the add-on is bound to. */
export const spreadsheetFacade = (ctx: ScriptContext): GoogleLike => {
  const info = () => ctx.call('ss.info');
  const self: GoogleLike = strict(ctx.services, 'Spreadsheet', {
    getId: () => info().id,
    getName: () => info().name,
    getUrl: () => `https://docs.google.com/spreadsheets/d/${info().id}/edit`,
    getSpreadsheetLocale: () => info().locale,
    getSpreadsheetTimeZone: () => info().timeZone,
    getSheets: () => ctx.call('ss.sheets').map(ctx.facades.sheetFacade),
    getSheetByName: (name: string) => {
      const id = ctx.call('ss.sheetByName', String(name));
      return id === null ? null : ctx.facades.sheetFacade(id);
    },
    getSheetById: (id: number) => (ctx.call('ss.sheets').includes(id) ? ctx.facades.sheetFacade(id) : null),
    getActiveSheet: () => ctx.facades.sheetFacade(ctx.call('ss.activeSheet')),
    getActiveRange: () => {
      const range = ctx.call('ss.activeRange');
      return range === null ? null : ctx.facades.rangeFacade(range);
    },
    getRange: (a1: string) => ctx.facades.rangeFacade(ctx.call('ss.range', String(a1))),
    toast: (message: unknown, title?: unknown, timeoutSeconds?: number) => {
      ctx.call('ss.toast', String(message), title === undefined ? '' : String(title), timeoutSeconds ?? 5);
    },
    getDeveloperMetadata: () =>
      ctx.facades.finder({ kind: 'spreadsheet' }).withLocationType('SPREADSHEET').find(),
    addDeveloperMetadata: (key: string, value?: string, visibility?: string) => {
      ctx.facades.addMetadata({ kind: 'spreadsheet' }, key, value, visibility);
      return self;
    },
    createDeveloperMetadataFinder: () => ctx.facades.finder({ kind: 'spreadsheet' }),
    getProtections: (type: string) =>
      ctx.call('protection.list', null, String(type)).map(ctx.facades.protectionFacade),
    // Sharing: local/apps-script/services/spreadsheet-sharing.ts says what is modelled.
    getEditors: () => ctx.call('ss.editors').map((email: string) => ctx.facades.user(email)),
    getOwner: () => ctx.facades.user(ctx.call('ss.owner')),
    addEditor: (who: unknown) => {
      ctx.call('ss.addEditors', [emailOf(who)]);
      return self;
    },
    addEditors: (emails: unknown) => {
      if (!Array.isArray(emails))
        throw ctx.fail(
          `The parameters (${typeof emails}) don't match the method signature for Spreadsheet.addEditors.`,
        );
      ctx.call('ss.addEditors', emails.map(emailOf));
      return self;
    },
    toString: () => 'Spreadsheet',
  });
  return self;
};

/** addEditor takes an e-mail address or a User. */
const emailOf = (who: unknown): string =>
  typeof who === 'object' && who !== null && 'getEmail' in who
    ? String((who as { getEmail(): unknown }).getEmail())
    : String(who);

/** SpreadsheetApp: the active spreadsheet and its Ui (refused by the host where there is no UI). */
export const SpreadsheetApp = (ctx: ScriptContext, ui: GoogleLike) =>
  strict(ctx.services, 'SpreadsheetApp', {
    getActiveSpreadsheet: () => ctx.facades.spreadsheetFacade(),
    getActive: () => ctx.facades.spreadsheetFacade(),
    getActiveSheet: () => ctx.facades.spreadsheetFacade().getActiveSheet(),
    getActiveRange: () => ctx.facades.spreadsheetFacade().getActiveRange(),
    getUi: () => {
      ctx.call('ui.get');
      return ui;
    },
    flush: () => undefined,
    ProtectionType: enumOf('RANGE', 'SHEET'),
    DeveloperMetadataLocationType: enumOf('SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'),
    DeveloperMetadataVisibility: enumOf('DOCUMENT', 'PROJECT'),
  });
