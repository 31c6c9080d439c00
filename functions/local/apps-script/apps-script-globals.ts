import { createHash, createHmac, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { MetadataAnchor, MetadataQuery } from '../workbook';
import type { MenuEntry, MetadataView, ProtectionView, RangeRef, TriggerView } from './host-views';
import type { HostOperationArgs, HostOperationName, HostOperationResult } from './services/host-operations';

/**
 * The Apps Script services as one execution sees them, in its worker thread. Every object refers to
 * state the main thread owns and asks for it synchronously (`call`), as Apps Script's own services
 * block. Anything not written here throws "<Service>.<method> is not implemented by the va-assess Apps
 * Script double": a double never pretends.
 */
export interface ExecutionServices {
  /** A synchronous call to the host; throws `makeError(message)` when the host refuses. */
  call: HostCall;
  makeError(message: string): Error;
  spreadsheetId: string;
  distDir: string;
  /** Runs template code inside the execution's own context (HtmlTemplate.evaluate). */
  evaluateInContext(code: string): unknown;
  log(line: string): void;
}

/** One host operation, checked by name, arguments and answer at compile time. */
export type HostCall = <Name extends HostOperationName>(
  op: Name,
  ...args: HostOperationArgs<Name>
) => HostOperationResult<Name>;

type MetadataLocationType = NonNullable<MetadataQuery['locationType']>;

const NEVER_STUBBED = new Set(['then', 'toJSON', 'constructor', 'asymmetricMatch', 'nodeType', 'inspect']);

/** A service object whose unknown methods throw a clear error instead of returning undefined. */
function strict<T extends object>(services: ExecutionServices, service: string, target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'symbol' || property in object || NEVER_STUBBED.has(property)) {
        return Reflect.get(object, property, receiver);
      }
      return () => {
        throw services.makeError(
          `${service}.${property} is not implemented by the va-assess Apps Script double`,
        );
      };
    },
  });
}

const URL_FETCH_OPTIONS = new Set([
  'contentType',
  'headers',
  'method',
  'payload',
  'useIntranet',
  'validateHttpsCertificates',
  'followRedirects',
  'muteHttpExceptions',
  'escaping',
]);
const URL_FETCH_METHODS = new Set(['get', 'delete', 'patch', 'post', 'put']);
const USERINFO_EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

const enumOf = <K extends string>(...names: K[]): Record<K, K> =>
  Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as Record<K, K>;

const fill = <T>(rows: number, columns: number, value: T): T[][] =>
  Array.from({ length: rows }, () => Array.from({ length: columns }, () => value));

const toSignedBytes = (buffer: Buffer): number[] =>
  [...buffer].map((byte) => (byte > 127 ? byte - 256 : byte));
const fromBytesOrString = (value: unknown): Buffer => {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (Array.isArray(value)) return Buffer.from(value.map((byte) => Number(byte) & 0xff));
  throw new Error('expected a string or a byte array');
};

const escapeHtml = (value: unknown): string =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

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

export function buildAppsScriptGlobals(services: ExecutionServices): AppsScriptGlobals {
  const call = services.call;
  const fail = (message: string) => services.makeError(message);

  // ---- SpreadsheetApp ----

  /**
   * Dates come from the host as this thread's Dates: made again as the execution's own, so that the
   * add-on's `value instanceof Date` holds as in Apps Script.
   */
  const inContext = (grid: unknown[][]): unknown[][] => {
    let ContextDate: DateConstructor | undefined;
    return grid.map((line) =>
      line.map((value) => {
        if (Object.prototype.toString.call(value) !== '[object Date]') return value;
        ContextDate ??= services.evaluateInContext('Date') as DateConstructor;
        return new ContextDate((value as Date).getTime());
      }),
    );
  };

  const user = (email: string) =>
    strict(services, 'User', {
      getEmail: () => email,
      toString: () => email,
    });

  const sheetFacade = (sheetId: number): GoogleLike => {
    const info = () => call('sheet.info', sheetId);
    const self: GoogleLike = strict(services, 'Sheet', {
      getSheetId: () => sheetId,
      getName: () => info().name,
      getSheetName: () => info().name,
      getIndex: () => info().index + 1,
      getParent: () => spreadsheetFacade(),
      getMaxRows: () => info().maxRows,
      getMaxColumns: () => info().maxColumns,
      getLastRow: () => info().lastRow,
      getLastColumn: () => info().lastColumn,
      getRange: (...args: unknown[]) => {
        if (typeof args[0] === 'string') return rangeFacade(call('sheet.range', sheetId, args[0]));
        const [row, column, numRows = 1, numColumns = 1] = args.map(Number);
        // A missing row or column goes to the host as it is; its bounds check answers for it.
        const spec = [row, column, numRows, numColumns] as [number, number, number, number];
        return rangeFacade(call('sheet.range', sheetId, spec));
      },
      getDataRange: () => {
        const { lastRow, lastColumn } = info();
        return rangeFacade(
          call('sheet.range', sheetId, [1, 1, Math.max(lastRow, 1), Math.max(lastColumn, 1)]),
        );
      },
      activate: () => {
        call('sheet.activate', sheetId);
        return self;
      },
      getDeveloperMetadata: () => finder({ kind: 'sheet', sheetId }).withLocationType('SHEET').find(),
      addDeveloperMetadata: (key: string, value?: string, visibility?: string) => {
        addMetadata({ kind: 'sheet', sheetId }, key, value, visibility);
        return self;
      },
      createDeveloperMetadataFinder: () => finder({ kind: 'sheet', sheetId }),
      getProtections: (type: string) => call('protection.list', sheetId, String(type)).map(protectionFacade),
      protect: () => protectionFacade(call('protection.protect', { sheetId })),
      toString: () => 'Sheet',
    });
    return self;
  };

  const rangeFacade = (ref: RangeRef): GoogleLike => {
    const cells = <T>(value: T) => fill(ref.numRows, ref.numColumns, value);
    const first = <T>(grid: T[][]): T => grid[0]?.[0] as T;
    const self: GoogleLike = strict(services, 'Range', {
      getRow: () => ref.row,
      getRowIndex: () => ref.row,
      getColumn: () => ref.column,
      getNumRows: () => ref.numRows,
      getNumColumns: () => ref.numColumns,
      getLastRow: () => ref.row + ref.numRows - 1,
      getLastColumn: () => ref.column + ref.numColumns - 1,
      getGridId: () => ref.sheetId,
      getA1Notation: () => call('range.a1', ref),
      getSheet: () => sheetFacade(ref.sheetId),
      getCell: (row: number, column: number) => {
        if (row < 1 || column < 1 || row > ref.numRows || column > ref.numColumns) {
          throw fail('Cell reference out of range');
        }
        return rangeFacade({
          sheetId: ref.sheetId,
          row: ref.row + row - 1,
          column: ref.column + column - 1,
          numRows: 1,
          numColumns: 1,
        });
      },
      offset: (rows: number, columns: number, numRows?: number, numColumns?: number) =>
        rangeFacade(
          call('sheet.range', ref.sheetId, [
            ref.row + rows,
            ref.column + columns,
            numRows ?? ref.numRows,
            numColumns ?? ref.numColumns,
          ]),
        ),
      getValues: () => inContext(call('range.values', ref)),
      getValue: () => first(inContext(call('range.values', { ...ref, numRows: 1, numColumns: 1 }))),
      getDisplayValues: () => call('range.displayValues', ref),
      getDisplayValue: () => first(call('range.displayValues', { ...ref, numRows: 1, numColumns: 1 })),
      setValues: (values: unknown[][]) => {
        call('range.setValues', ref, values);
        return self;
      },
      setValue: (value: unknown) => {
        call('range.setValues', ref, cells(value));
        return self;
      },
      // https://developers.google.com/apps-script/reference/spreadsheet/range#sortsortspecobj: a
      // column number, {column, ascending} or an array of them; columns counted from the sheet's A.
      sort: (sortSpecObj: unknown) => {
        const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((spec) => {
          if (typeof spec === 'number') return { column: spec, ascending: true };
          const given = spec as { column?: unknown; ascending?: unknown } | null;
          if (typeof given?.column !== 'number')
            throw fail('Range.sort: expected a column number or {column, ascending}');
          return { column: given.column, ascending: given.ascending !== false };
        });
        for (const spec of specs) {
          if (spec.column < ref.column || spec.column >= ref.column + ref.numColumns) {
            throw fail(`The sort column ${spec.column} is outside the range being sorted.`);
          }
        }
        call('range.sort', ref, specs);
        return self;
      },
      getBackgrounds: () => call('range.backgrounds', ref),
      getBackground: () => first(call('range.backgrounds', { ...ref, numRows: 1, numColumns: 1 })),
      setBackgrounds: (colours: (string | null)[][]) => {
        call('range.setBackgrounds', ref, colours);
        return self;
      },
      setBackground: (colour: string | null) => {
        call('range.setBackgrounds', ref, cells(colour));
        return self;
      },
      getNotes: () => call('range.notes', ref),
      getNote: () => first(call('range.notes', { ...ref, numRows: 1, numColumns: 1 })),
      setNotes: (notes: (string | null)[][]) => {
        call('range.setNotes', ref, notes);
        return self;
      },
      setNote: (note: string | null) => {
        call('range.setNotes', ref, cells(note));
        return self;
      },
      activate: () => {
        call('range.activate', ref);
        return self;
      },
      getDeveloperMetadata: () => finder({ kind: 'range', range: ref }).find(),
      addDeveloperMetadata: (key: string, value?: string, visibility?: string) => {
        const info = call('sheet.info', ref.sheetId);
        let anchor: MetadataAnchor;
        if (ref.column === 1 && ref.numColumns === info.maxColumns) {
          anchor = {
            kind: 'dimension',
            sheetId: ref.sheetId,
            dimension: 'ROWS',
            startIndex: ref.row - 1,
            endIndex: ref.row - 1 + ref.numRows,
          };
        } else if (ref.row === 1 && ref.numRows === info.maxRows) {
          anchor = {
            kind: 'dimension',
            sheetId: ref.sheetId,
            dimension: 'COLUMNS',
            startIndex: ref.column - 1,
            endIndex: ref.column - 1 + ref.numColumns,
          };
        } else {
          throw fail(
            'Adding developer metadata to arbitrary ranges is not supported. Metadata may only be added to entire rows or columns.',
          );
        }
        addMetadata(anchor, key, value, visibility);
        return self;
      },
      createDeveloperMetadataFinder: () => finder({ kind: 'range', range: ref }),
      protect: () => protectionFacade(call('protection.protect', { sheetId: ref.sheetId, range: ref })),
      toString: () => 'Range',
    });
    return self;
  };

  const addMetadata = (anchor: MetadataAnchor, key: string, value?: string, visibility?: string) => {
    let text: string | null = null;
    let scope = 'DOCUMENT';
    // addDeveloperMetadata(key, visibility) is one of its overloads.
    if (value === 'DOCUMENT' || value === 'PROJECT') scope = value;
    else if (value !== undefined) text = String(value);
    if (visibility !== undefined) scope = String(visibility);
    // Passed on unchecked, as before: the workbook stores whatever visibility it is given.
    call('metadata.add', anchor, String(key), text, scope as 'DOCUMENT' | 'PROJECT');
  };

  const locationFacade = (view: MetadataView) => {
    const location = view.location;
    const spanRange = (): RangeRef | undefined => {
      if (location.kind !== 'dimension') return undefined;
      const info = call('sheet.info', location.sheetId);
      const count = location.endIndex - location.startIndex;
      return location.dimension === 'ROWS'
        ? {
            sheetId: location.sheetId,
            row: location.startIndex + 1,
            column: 1,
            numRows: count,
            numColumns: info.maxColumns,
          }
        : {
            sheetId: location.sheetId,
            row: 1,
            column: location.startIndex + 1,
            numRows: info.maxRows,
            numColumns: count,
          };
    };
    return strict(services, 'DeveloperMetadataLocation', {
      getLocationType: () =>
        location.kind === 'spreadsheet'
          ? 'SPREADSHEET'
          : location.kind === 'sheet'
            ? 'SHEET'
            : location.dimension === 'ROWS'
              ? 'ROW'
              : 'COLUMN',
      getSpreadsheet: () => (location.kind === 'spreadsheet' ? spreadsheetFacade() : null),
      getSheet: () => (location.kind === 'sheet' ? sheetFacade(location.sheetId) : null),
      getRow: () => {
        const span = spanRange();
        return span !== undefined && location.kind === 'dimension' && location.dimension === 'ROWS'
          ? rangeFacade(span)
          : null;
      },
      getColumn: () => {
        const span = spanRange();
        return span !== undefined && location.kind === 'dimension' && location.dimension === 'COLUMNS'
          ? rangeFacade(span)
          : null;
      },
    });
  };

  const metadataFacade = (view: MetadataView): GoogleLike => {
    const self: GoogleLike = strict(services, 'DeveloperMetadata', {
      getId: () => view.id,
      getKey: () => view.key,
      getValue: () => view.value,
      getVisibility: () => view.visibility,
      // Read again: sorting or moving rows since the search moves the metadata with them.
      getLocation: () => locationFacade(call('metadata.get', view.id)),
      setKey: (key: string) => {
        call('metadata.update', view.id, { key });
        view.key = key;
        return self;
      },
      setValue: (value: string) => {
        call('metadata.update', view.id, { value });
        view.value = value;
        return self;
      },
      setVisibility: (visibility: 'DOCUMENT' | 'PROJECT') => {
        call('metadata.update', view.id, { visibility });
        view.visibility = visibility;
        return self;
      },
      remove: () => {
        call('metadata.remove', view.id);
      },
      toString: () => 'DeveloperMetadata',
    });
    return self;
  };

  type Scope =
    | { kind: 'spreadsheet' }
    | { kind: 'sheet'; sheetId: number }
    | { kind: 'range'; range: RangeRef };
  const finder = (scope: Scope) => {
    const query: {
      key?: string;
      value?: string;
      locationType?: MetadataLocationType;
      id?: number;
      intersecting?: boolean;
    } = {};
    const self: GoogleLike = strict(services, 'DeveloperMetadataFinder', {
      withKey: (key: string) => {
        query.key = String(key);
        return self;
      },
      withValue: (value: string) => {
        query.value = String(value);
        return self;
      },
      withId: (id: number) => {
        query.id = Number(id);
        return self;
      },
      withLocationType: (type: string) => {
        // Passed on unchecked, as before: an unknown type matches no metadata.
        query.locationType = String(type) as MetadataLocationType;
        return self;
      },
      onIntersectingLocations: () => {
        query.intersecting = true;
        return self;
      },
      find: () => call('metadata.find', scope, query).map(metadataFacade),
    });
    return self as GoogleLike & { withLocationType(type: string): GoogleLike & { find(): GoogleLike[] } };
  };

  const protectionFacade = (initial: ProtectionView): GoogleLike => {
    let view = initial;
    const update = (change: Record<string, unknown>) => {
      view = call('protection.update', view.id, change);
      return self;
    };
    const emailOf = (who: unknown) =>
      typeof who === 'string' ? who : String((who as { getEmail(): string }).getEmail());
    const self: GoogleLike = strict(services, 'Protection', {
      getProtectionType: () => view.type,
      getRange: () => rangeFacade(view.range),
      getDescription: () => view.description,
      setDescription: (description: string) => update({ description: String(description) }),
      isWarningOnly: () => view.warningOnly,
      setWarningOnly: (warningOnly: boolean) => update({ warningOnly: Boolean(warningOnly) }),
      getEditors: () => view.editors.map(user),
      addEditor: (who: unknown) => update({ addEditors: [emailOf(who)] }),
      addEditors: (list: unknown[]) => update({ addEditors: list.map(emailOf) }),
      removeEditor: (who: unknown) => update({ removeEditors: [emailOf(who)] }),
      removeEditors: (list: unknown[]) => update({ removeEditors: list.map(emailOf) }),
      getUnprotectedRanges: () => view.unprotected.map(rangeFacade),
      canEdit: () => {
        const { effectiveUser } = call('session.info');
        return view.warningOnly || view.editors.includes(effectiveUser.toLowerCase());
      },
      remove: () => {
        call('protection.remove', view.id);
      },
      toString: () => 'Protection',
    });
    return self;
  };

  const spreadsheetFacade = (): GoogleLike => {
    const info = () => call('ss.info');
    const self: GoogleLike = strict(services, 'Spreadsheet', {
      getId: () => info().id,
      getName: () => info().name,
      getUrl: () => `https://docs.google.com/spreadsheets/d/${info().id}/edit`,
      getSpreadsheetLocale: () => info().locale,
      getSpreadsheetTimeZone: () => info().timeZone,
      getSheets: () => call('ss.sheets').map(sheetFacade),
      getSheetByName: (name: string) => {
        const id = call('ss.sheetByName', String(name));
        return id === null ? null : sheetFacade(id);
      },
      getSheetById: (id: number) => (call('ss.sheets').includes(id) ? sheetFacade(id) : null),
      getActiveSheet: () => sheetFacade(call('ss.activeSheet')),
      getRange: (a1: string) => rangeFacade(call('ss.range', String(a1))),
      toast: (message: unknown, title?: unknown, timeoutSeconds?: number) => {
        call('ss.toast', String(message), title === undefined ? '' : String(title), timeoutSeconds ?? 5);
      },
      getDeveloperMetadata: () => finder({ kind: 'spreadsheet' }).withLocationType('SPREADSHEET').find(),
      addDeveloperMetadata: (key: string, value?: string, visibility?: string) => {
        addMetadata({ kind: 'spreadsheet' }, key, value, visibility);
        return self;
      },
      createDeveloperMetadataFinder: () => finder({ kind: 'spreadsheet' }),
      getProtections: (type: string) => call('protection.list', null, String(type)).map(protectionFacade),
      toString: () => 'Spreadsheet',
    });
    return self;
  };

  const BUTTON_SET = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
  const BUTTON = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');

  const menuBuilder = (kind: 'addon' | 'menu', caption: string) => {
    const items: MenuEntry[] = [];
    const self: GoogleLike = strict(services, 'Menu', {
      addItem: (itemCaption: string, functionName: string) => {
        items.push({ caption: String(itemCaption), functionName: String(functionName) });
        return self;
      },
      addSeparator: () => {
        items.push({ separator: true });
        return self;
      },
      addSubMenu: (menu: { __items(): MenuEntry[]; __caption(): string }) => {
        items.push({ caption: menu.__caption(), subMenu: menu.__items() });
        return self;
      },
      addToUi: () => {
        call('ui.menu', { kind, caption, items });
      },
      __items: () => items,
      __caption: () => caption,
    });
    return self;
  };

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) */
  const dialogArgs = (args: unknown[]): [string, string, string] => {
    if (args.length >= 3) return [String(args[0]), String(args[1]), String(args[2])];
    if (args.length === 2) return ['', String(args[0]), String(args[1])];
    return ['', String(args[0] ?? ''), 'OK'];
  };

  const ui = strict(services, 'Ui', {
    ButtonSet: BUTTON_SET,
    Button: BUTTON,
    alert: (...args: unknown[]) => call('ui.alert', ...dialogArgs(args)),
    prompt: (...args: unknown[]) => {
      const answer = call('ui.prompt', ...dialogArgs(args));
      return strict(services, 'PromptResponse', {
        getResponseText: () => answer.text,
        getSelectedButton: () => answer.button,
      });
    },
    createAddonMenu: () => menuBuilder('addon', ''),
    createMenu: (caption: string) => menuBuilder('menu', String(caption)),
    showSidebar: (output: HtmlOutputLike) => {
      call('ui.show', { kind: 'sidebar', title: output.getTitle(), content: output.getContent() });
    },
    showModalDialog: (output: HtmlOutputLike, title: string) => {
      call('ui.show', {
        kind: 'modal',
        title: String(title),
        content: output.getContent(),
        width: output.getWidth(),
        height: output.getHeight(),
      });
    },
    showModelessDialog: (output: HtmlOutputLike, title: string) => {
      call('ui.show', {
        kind: 'modeless',
        title: String(title),
        content: output.getContent(),
        width: output.getWidth(),
        height: output.getHeight(),
      });
    },
  });

  const SpreadsheetApp = strict(services, 'SpreadsheetApp', {
    getActiveSpreadsheet: () => spreadsheetFacade(),
    getActive: () => spreadsheetFacade(),
    getActiveSheet: () => spreadsheetFacade().getActiveSheet(),
    getUi: () => {
      call('ui.get');
      return ui;
    },
    flush: () => undefined,
    ProtectionType: enumOf('RANGE', 'SHEET'),
    DeveloperMetadataLocationType: enumOf('SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'),
    DeveloperMetadataVisibility: enumOf('DOCUMENT', 'PROJECT'),
  });

  // ---- HtmlService ----

  const htmlFile = (name: string): string => {
    const file = join(services.distDir, name.endsWith('.html') ? name : `${name}.html`);
    if (!existsSync(file)) throw fail(`No HTML file named ${name} was found.`);
    return readFileSync(file, 'utf8');
  };

  type HtmlOutputLike = GoogleLike & {
    getTitle(): string;
    getContent(): string;
    getWidth(): number;
    getHeight(): number;
  };
  const htmlOutput = (initial: string): HtmlOutputLike => {
    let content = initial;
    let title = '';
    let width = 300;
    let height = 600;
    const self = strict(services, 'HtmlOutput', {
      getContent: () => content,
      setContent: (html: string) => {
        content = String(html);
        return self;
      },
      append: (html: string) => {
        content += String(html);
        return self;
      },
      appendUntrusted: (text: string) => {
        content += escapeHtml(text);
        return self;
      },
      getTitle: () => title,
      setTitle: (text: string) => {
        title = String(text);
        return self;
      },
      getWidth: () => width,
      setWidth: (pixels: number) => {
        width = Number(pixels);
        return self;
      },
      getHeight: () => height,
      setHeight: (pixels: number) => {
        height = Number(pixels);
        return self;
      },
      setSandboxMode: () => self,
      setXFrameOptionsMode: () => self,
      addMetaTag: () => self,
      toString: () => 'HtmlOutput',
    }) as HtmlOutputLike;
    return self;
  };

  /** Scriptlets: <?= escaped ?>, <?!= raw ?>, <? code ?>, evaluated in the execution's own context. */
  const htmlTemplate = (source: string) => {
    const data: Record<string, unknown> = {};
    const template = strict(services, 'HtmlTemplate', {
      evaluate: () => {
        let code = "var __out = '';\n";
        const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
        let last = 0;
        for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
          code += `__out += ${JSON.stringify(source.slice(last, match.index))};\n`;
          const body = match[2] ?? '';
          if (match[1] === '=') code += `__out += __escape(${body});\n`;
          else if (match[1] === '!=') code += `__out += String(${body});\n`;
          else code += `${body}\n`;
          last = pattern.lastIndex;
        }
        code += `__out += ${JSON.stringify(source.slice(last))};\nreturn __out;`;
        const render = services.evaluateInContext(
          `(function (__data, __escape) { with (__data) { ${code} } })`,
        ) as (values: Record<string, unknown>, toHtml: (value: unknown) => string) => string;
        return htmlOutput(render(data, escapeHtml));
      },
      getRawContent: () => source,
    });
    return new Proxy(template, {
      set(_target, property, value) {
        data[String(property)] = value;
        return true;
      },
    });
  };

  const HtmlService = strict(services, 'HtmlService', {
    createHtmlOutput: (html?: string) => htmlOutput(html === undefined ? '' : String(html)),
    createHtmlOutputFromFile: (name: string) => htmlOutput(htmlFile(String(name))),
    createTemplate: (html: string) => htmlTemplate(String(html)),
    createTemplateFromFile: (name: string) => htmlTemplate(htmlFile(String(name))),
    SandboxMode: enumOf('EMULATED', 'IFRAME', 'NATIVE'),
    XFrameOptionsMode: enumOf('ALLOWALL', 'DEFAULT'),
  });

  // ---- PropertiesService, CacheService, LockService ----

  const properties = (scope: 'document' | 'user' | 'script') => {
    const all = () => call('props.get', scope);
    const self: GoogleLike = strict(services, 'Properties', {
      getProperty: (key: string) => all()[String(key)] ?? null,
      getProperties: () => all(),
      getKeys: () => Object.keys(all()),
      setProperty: (key: string, value: unknown) => {
        call('props.set', scope, { [String(key)]: String(value) }, false);
        return self;
      },
      setProperties: (values: Record<string, unknown>, deleteAllOthers?: boolean) => {
        const entries = Object.fromEntries(
          Object.entries(values).map(([key, value]) => [key, String(value)]),
        );
        call('props.set', scope, entries, deleteAllOthers === true);
        return self;
      },
      deleteProperty: (key: string) => {
        call('props.delete', scope, String(key));
        return self;
      },
      deleteAllProperties: () => {
        call('props.delete', scope, null);
        return self;
      },
    });
    return self;
  };

  const PropertiesService = strict(services, 'PropertiesService', {
    getDocumentProperties: () => properties('document'),
    getUserProperties: () => properties('user'),
    getScriptProperties: () => properties('script'),
  });

  const cache = (scope: string) =>
    strict(services, 'Cache', {
      get: (key: string) => call('cache.get', scope, [String(key)])[String(key)] ?? null,
      getAll: (keys: string[]) => call('cache.get', scope, keys.map(String)),
      put: (key: string, value: string, seconds = 600) => {
        call('cache.put', scope, { [String(key)]: String(value) }, seconds);
      },
      putAll: (values: Record<string, string>, seconds = 600) => {
        call('cache.put', scope, values, seconds);
      },
      remove: (key: string) => {
        call('cache.remove', scope, [String(key)]);
      },
      removeAll: (keys: string[]) => {
        call('cache.remove', scope, keys.map(String));
      },
    });

  const CacheService = strict(services, 'CacheService', {
    getDocumentCache: () => cache('document'),
    getUserCache: () => cache('user'),
    getScriptCache: () => cache('script'),
  });

  const lock = (kind: string) =>
    strict(services, 'Lock', {
      tryLock: (timeoutMs: number) => call('lock.acquire', kind, Number(timeoutMs)),
      waitLock: (timeoutMs: number) => {
        if (!call('lock.acquire', kind, Number(timeoutMs))) {
          throw fail('Lock timeout: another process was holding the lock for too long.');
        }
      },
      releaseLock: () => {
        call('lock.release', kind);
      },
      hasLock: () => call('lock.has', kind),
    });

  const LockService = strict(services, 'LockService', {
    getDocumentLock: () => lock('document'),
    getUserLock: () => lock('user'),
    getScriptLock: () => lock('script'),
  });

  // ---- UrlFetchApp ----

  const UrlFetchApp = strict(services, 'UrlFetchApp', {
    fetch: (url: string, params: Record<string, unknown> = {}) => {
      checkFetchOptions(params);
      const answer = call('url.fetch', String(url), { ...params });
      return strict(services, 'HTTPResponse', {
        getResponseCode: () => answer.status,
        getContentText: () => answer.text,
        getContent: () => toSignedBytes(Buffer.from(answer.text, 'utf8')),
        getHeaders: () => ({ ...answer.headers }),
        getAllHeaders: () => ({ ...answer.headers }),
      });
    },
  });

  /**
   * Apps Script ignores an option it does not know (a `timeout`, say, has no effect: its deadline is
   * fixed), so code relying on one would work here and not there: the double refuses it instead.
   */
  const checkFetchOptions = (params: Record<string, unknown>) => {
    for (const name of Object.keys(params)) {
      if (!URL_FETCH_OPTIONS.has(name)) {
        throw fail(
          `UrlFetchApp.fetch: "${name}" is not an Apps Script option (Apps Script ignores it); expected one of ${[...URL_FETCH_OPTIONS].join(', ')}`,
        );
      }
    }
    const method = params.method;
    if (method !== undefined && !URL_FETCH_METHODS.has(String(method).toLowerCase())) {
      throw fail(
        `Invalid argument: method (found "${String(method)}", expected get, delete, patch, post or put)`,
      );
    }
  };

  // ---- ScriptApp, Session ----

  /**
   * The scopes appsscript.json grants: getIdentityToken answers null without `openid`, and its token
   * carries the e-mail only with `userinfo.email`, as in Apps Script.
   */
  const grantedScopes = (): string[] => {
    const file = join(services.distDir, 'appsscript.json');
    if (!existsSync(file)) {
      throw fail(
        `ScriptApp.getIdentityToken: no appsscript.json in ${services.distDir}, so the va-assess Apps Script double cannot tell whether the openid scope is granted`,
      );
    }
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { oauthScopes?: unknown };
    return Array.isArray(manifest.oauthScopes) ? manifest.oauthScopes.map(String) : [];
  };

  const triggerFacade = (view: TriggerView) =>
    strict(services, 'Trigger', {
      getUniqueId: () => view.uniqueId,
      getHandlerFunction: () => view.handlerFunction,
      getEventType: () => view.eventType,
      getTriggerSource: () => view.triggerSource,
      getTriggerSourceId: () => view.triggerSourceId,
    });

  const ScriptApp = strict(services, 'ScriptApp', {
    AuthMode: enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'),
    AuthorizationStatus: enumOf('REQUIRED', 'NOT_REQUIRED'),
    EventType: enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'),
    TriggerSource: enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'),
    getScriptId: () => 'local-va-assess-addon',
    getIdentityToken: () => {
      const scopes = grantedScopes();
      if (!scopes.includes('openid')) return null;
      return call('script.identityToken', scopes.includes(USERINFO_EMAIL_SCOPE));
    },
    getAuthorizationInfo: () => {
      const status = call('script.authorizationStatus');
      return strict(services, 'AuthorizationInfo', {
        getAuthorizationStatus: () => status,
        getAuthorizationUrl: () =>
          status === 'REQUIRED' ? 'https://script.google.com/local-authorization' : null,
      });
    },
    newTrigger: (handler: string) =>
      strict(services, 'TriggerBuilder', {
        forSpreadsheet: (target: string | { getId(): string }) => {
          const spreadsheetId = typeof target === 'string' ? target : String(target.getId());
          const create = (eventType: string) => () =>
            triggerFacade(call('script.newTrigger', String(handler), { eventType, spreadsheetId }));
          return strict(services, 'SpreadsheetTriggerBuilder', {
            onEdit: () => strict(services, 'SpreadsheetTriggerBuilder', { create: create('ON_EDIT') }),
            onOpen: () => strict(services, 'SpreadsheetTriggerBuilder', { create: create('ON_OPEN') }),
            onChange: () => strict(services, 'SpreadsheetTriggerBuilder', { create: create('ON_CHANGE') }),
          });
        },
      }),
    getUserTriggers: (spreadsheet: { getId(): string }) =>
      call('script.userTriggers', String(spreadsheet.getId())).map(triggerFacade),
    getProjectTriggers: () => call('script.userTriggers', null).map(triggerFacade),
    deleteTrigger: (trigger: { getUniqueId(): string }) => {
      call('script.deleteTrigger', String(trigger.getUniqueId()));
    },
  });

  const session = () => call('session.info');
  const Session = strict(services, 'Session', {
    getActiveUser: () => user(session().activeUser),
    getEffectiveUser: () => user(session().effectiveUser),
    getScriptTimeZone: () => session().timeZone,
    getActiveUserLocale: () => 'en',
  });

  // ---- Utilities, Logger, console ----

  const digestNames: Record<string, string> = {
    MD2: 'md2',
    MD5: 'md5',
    SHA_1: 'sha1',
    SHA_256: 'sha256',
    SHA_384: 'sha384',
    SHA_512: 'sha512',
  };
  const Utilities = strict(services, 'Utilities', {
    DigestAlgorithm: enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'),
    Charset: enumOf('US_ASCII', 'UTF_8'),
    sleep: (milliseconds: number) => {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, Number(milliseconds)));
    },
    getUuid: () => randomUUID(),
    formatDate: (date: { getTime(): number }, timeZone: string, format: string) => {
      const time = DateTime.fromMillis(date.getTime(), { zone: String(timeZone) });
      if (!time.isValid) throw fail(`Invalid argument: timeZone (${timeZone})`);
      // Java's SimpleDateFormat and luxon share the usual letters (yyyy MM dd HH mm ss, 'quoted').
      return time.toFormat(String(format).replace(/Z+/g, 'ZZZ').replace(/X+/g, 'ZZ'));
    },
    base64Encode: (data: unknown) => fromBytesOrString(data).toString('base64'),
    base64EncodeWebSafe: (data: unknown) =>
      fromBytesOrString(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    base64Decode: (text: string) => toSignedBytes(Buffer.from(String(text), 'base64')),
    base64DecodeWebSafe: (text: string) => toSignedBytes(Buffer.from(String(text), 'base64url')),
    computeDigest: (algorithm: string, value: unknown) => {
      const name = digestNames[String(algorithm)];
      if (name === undefined) throw fail(`Invalid argument: algorithm (${algorithm})`);
      return toSignedBytes(createHash(name).update(fromBytesOrString(value)).digest());
    },
    computeHmacSha256Signature: (value: unknown, key: unknown) =>
      toSignedBytes(createHmac('sha256', fromBytesOrString(key)).update(fromBytesOrString(value)).digest()),
  });

  const text = (values: unknown[]) =>
    values
      .map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))))
      .join(' ');
  const logged: string[] = [];
  const Logger = strict(services, 'Logger', {
    log: (format: unknown, ...values: unknown[]) => {
      let line = typeof format === 'string' && values.length > 0 ? format : text([format, ...values]);
      if (typeof format === 'string') for (const value of values) line = line.replace('%s', String(value));
      logged.push(line);
      services.log(line);
      return Logger;
    },
    getLog: () => logged.join('\n'),
    clear: () => {
      logged.length = 0;
    },
  });
  const consoleFacade = strict(services, 'console', {
    log: (...values: unknown[]) => services.log(text(values)),
    info: (...values: unknown[]) => services.log(`INFO ${text(values)}`),
    warn: (...values: unknown[]) => services.log(`WARNING ${text(values)}`),
    error: (...values: unknown[]) => services.log(`ERROR ${text(values)}`),
  });

  const globals = {
    SpreadsheetApp,
    HtmlService,
    PropertiesService,
    CacheService,
    LockService,
    UrlFetchApp,
    ScriptApp,
    Session,
    Utilities,
    Logger,
    console: consoleFacade,
  };
  return { globals, facades: { spreadsheet: spreadsheetFacade, range: rangeFacade, user } };
}

// biome-ignore lint/suspicious/noExplicitAny: facades are called by untyped Apps Script code
type GoogleLike = any;
