import type { MetadataAnchor } from '../../workbook';
import type { ProtectionView, RangeRef } from '../host-views';
import type { MetadataScope } from '../services/developer-metadata';
import type { HostOperationArgs, HostOperationName, HostOperationResult } from '../services/host-operations';

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

// biome-ignore lint/suspicious/noExplicitAny: facades are called by untyped Apps Script code
export type GoogleLike = any;

/** The SpreadsheetApp objects, which refer to one another (a Range's sheet, a Sheet's parent…). */
export interface Facades {
  spreadsheetFacade(): GoogleLike;
  sheetFacade(sheetId: number): GoogleLike;
  rangeFacade(ref: RangeRef): GoogleLike;
  user(email: string): GoogleLike;
  protectionFacade(view: ProtectionView): GoogleLike;
  finder(scope: MetadataScope): GoogleLike;
  addMetadata(anchor: MetadataAnchor, key: string, value?: string, visibility?: string): void;
}

/** What every service facade of one execution works with. */
export interface ScriptContext {
  services: ExecutionServices;
  call: HostCall;
  fail(message: string): Error;
  facades: Facades;
}

const NEVER_STUBBED = new Set(['then', 'toJSON', 'constructor', 'asymmetricMatch', 'nodeType', 'inspect']);

/** A service object whose unknown methods throw a clear error instead of returning undefined. */
export function strict<T extends object>(services: ExecutionServices, service: string, target: T): T {
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

export const enumOf = <K extends string>(...names: K[]): Record<K, K> =>
  Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as Record<K, K>;
