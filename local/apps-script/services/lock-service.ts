import { type Execution, scopeKey } from '../execution';

interface LockWaiter {
  executionId: number;
  grant: () => void;
  expire: () => void;
}

interface LockState {
  holder: number | undefined;
  waiters: LockWaiter[];
}

/** An execution that asked for a lock another execution holds, and is now waiting for it. */
export interface LockWait {
  executionId: number;
  /** "document:<spreadsheet id>", "user:<email>" or "script". */
  scope: string;
}

/** LockService's locks: one holder each, the others waiting in turn until their timeout. */
export class Locks {
  private readonly locks = new Map<string, LockState>();
  private lockWaitListeners: ((wait: LockWait) => void)[] = [];

  /** Resolves when an execution next starts waiting for a lock that another execution holds. */
  nextLockWait(): Promise<LockWait> {
    return new Promise((resolve) => this.lockWaitListeners.push(resolve));
  }

  /** As if every pending wait ran out of time now: their tryLock answers false (waitLock throws). */
  expireLockWaits(): number {
    let expired = 0;
    for (const state of this.locks.values()) {
      const waiters = state.waiters;
      state.waiters = [];
      for (const waiter of waiters) waiter.expire();
      expired += waiters.length;
    }
    return expired;
  }

  holds(execution: Execution, scope: string): boolean {
    return this.lockState(scope).holder === execution.id;
  }

  acquire(execution: Execution, scope: string, timeoutMs: number): Promise<boolean> {
    const state = this.lockState(scope);
    if (state.holder === execution.id) return Promise.resolve(true);
    if (state.holder === undefined) {
      state.holder = execution.id;
      execution.heldLocks.add(scope);
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const waiter: LockWaiter = {
        executionId: execution.id,
        grant: () => {
          clearTimeout(timer);
          execution.heldLocks.add(scope);
          resolve(true);
        },
        expire: () => {
          clearTimeout(timer);
          resolve(false);
        },
      };
      const timer = setTimeout(
        () => {
          state.waiters = state.waiters.filter((candidate) => candidate !== waiter);
          resolve(false);
        },
        Math.max(0, timeoutMs),
      );
      state.waiters.push(waiter);
      const listeners = this.lockWaitListeners;
      this.lockWaitListeners = [];
      for (const listener of listeners) listener({ executionId: execution.id, scope });
    });
  }

  release(execution: Execution, scope: string): void {
    const state = this.lockState(scope);
    execution.heldLocks.delete(scope);
    if (state.holder !== execution.id) return;
    const next = state.waiters.shift();
    state.holder = next?.executionId;
    next?.grant();
  }

  private lockState(scope: string): LockState {
    let state = this.locks.get(scope);
    if (state === undefined) {
      state = { holder: undefined, waiters: [] };
      this.locks.set(scope, state);
    }
    return state;
  }
}

/** The host's side of LockService: document, user and script locks. */
export function lockOperations(locks: Locks) {
  return {
    'lock.acquire': (execution: Execution, kind: string, timeoutMs: number) =>
      locks.acquire(execution, scopeKey(execution, kind), timeoutMs),
    'lock.release': (execution: Execution, kind: string) =>
      locks.release(execution, scopeKey(execution, kind)),
    'lock.has': (execution: Execution, kind: string) => locks.holds(execution, scopeKey(execution, kind)),
  };
}
