import { type Execution, type ServiceScope, scopeOwner } from '../execution';
import { utf8Bytes } from '../utf8';

/** Apps Script's quotas: 9 KB a property value, 500 KB a property store. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

/** Every property store of the project, kept between executions. */
export class PropertyStores {
  private readonly stores = new Map<string, Map<string, string>>();

  store(scope: ServiceScope, owner: string): Map<string, string> {
    const key = `${scope}:${owner.toLowerCase()}`;
    let store = this.stores.get(key);
    if (store === undefined) {
      store = new Map();
      this.stores.set(key, store);
    }
    return store;
  }

  storeFor(execution: Execution, scope: string): Map<string, string> {
    const named = scopeOwner(execution, scope);
    return this.store(named.scope, named.owner);
  }

  /** Bytes (UTF-8 keys and values) of every store, as "document:<id>", "user:<email>", "script:script". */
  bytes(): Record<string, number> {
    return Object.fromEntries([...this.stores].map(([name, store]) => [name, storeBytes(store)]));
  }
}

function storeBytes(store: Map<string, string>): number {
  let bytes = 0;
  for (const [key, value] of store) bytes += utf8Bytes(key) + utf8Bytes(value);
  return bytes;
}

/** The host's side of PropertiesService, with its size quotas. */
export function propertiesOperations(stores: PropertyStores) {
  return {
    'props.get': (execution: Execution, scope: ServiceScope) =>
      Object.fromEntries(stores.storeFor(execution, scope)),
    'props.set': (
      execution: Execution,
      scope: ServiceScope,
      entries: Record<string, string>,
      deleteOthers: boolean,
    ) => {
      const store = stores.storeFor(execution, scope);
      const next = new Map(deleteOthers ? [] : store);
      for (const [key, value] of Object.entries(entries)) {
        if (utf8Bytes(value) > PROPERTY_VALUE_LIMIT) throw new Error('Argument too large: value');
        next.set(key, value);
      }
      if (storeBytes(next) > PROPERTY_STORE_LIMIT) {
        throw new Error(
          'You have exceeded the property storage quota. Please remove some properties and try again.',
        );
      }
      store.clear();
      for (const [key, value] of next) store.set(key, value);
    },
    'props.delete': (execution: Execution, scope: ServiceScope, key: string | null) => {
      const store = stores.storeFor(execution, scope);
      if (key === null) store.clear();
      else store.delete(key);
    },
  };
}
