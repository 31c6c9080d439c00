import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';

/**
 * Synchronous calls from an Apps Script execution (a worker thread, where everything must block as
 * Apps Script does) to the main thread, which owns all state and stays free to serve the async work
 * (HTTP, the model shared with the local Sheets API). The worker posts a request, then sleeps on a
 * shared flag until the main thread has posted the answer and raised the flag.
 */
export interface RpcRequest {
  op: string;
  args: unknown[];
}

export type RpcReply = { ok: true; value: unknown } | { ok: false; message: string };

/** The main thread never takes this long for one call unless it is deadlocked: say so instead of hanging. */
const REPLY_DEADLINE_MS = 180_000;

export class SyncRpcClient {
  private readonly flag: Int32Array;

  constructor(
    private readonly port: MessagePort,
    shared: SharedArrayBuffer,
  ) {
    this.flag = new Int32Array(shared);
  }

  /** Returns the value, or throws the main thread's message as `makeError` builds it. */
  call(op: string, args: unknown[], makeError: (message: string) => Error): unknown {
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ op, args } satisfies RpcRequest);
    const waited = Atomics.wait(this.flag, 0, 0, REPLY_DEADLINE_MS);
    const received = receiveMessageOnPort(this.port);
    if (received === undefined) {
      throw makeError(
        `va-assess Apps Script double: no answer from the host for ${op} (${waited}); is the main thread blocked?`,
      );
    }
    const reply = received.message as RpcReply;
    if (!reply.ok) throw makeError(reply.message);
    return reply.value;
  }
}

/** Main-thread side: answers each request with `handle` (which may be async) and wakes the worker. */
export function serveSyncRpc(
  port: MessagePort,
  shared: SharedArrayBuffer,
  handle: (request: RpcRequest) => unknown,
): void {
  const flag = new Int32Array(shared);
  port.on('message', (request: RpcRequest) => {
    const answer = (reply: RpcReply) => {
      port.postMessage(reply);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    };
    Promise.resolve()
      .then(() => handle(request))
      .then(
        (value) => answer({ ok: true, value }),
        (error: unknown) =>
          answer({ ok: false, message: error instanceof Error ? error.message : String(error) }),
      );
  });
}
