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

/**
 * Apps Script ends an execution after 6 minutes ("Script runtime: 6 min / execution", quotas page:
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations), however it
 * spent them: waiting for UrlFetch, or for a person to answer an alert or a prompt.
 */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
/** Google's words when it ends an execution at the limit. */
export const EXCEEDED_EXECUTION_TIME = 'Exceeded maximum execution time';

export class SyncRpcClient {
  private readonly flag: Int32Array;
  private exceeded = false;

  constructor(
    private readonly port: MessagePort,
    shared: SharedArrayBuffer,
    /** When the execution must end (epoch ms): its start plus EXECUTION_LIMIT_MS. */
    private readonly deadline: number,
  ) {
    this.flag = new Int32Array(shared);
  }

  /** Returns the value, or throws the main thread's message as `makeError` builds it. */
  call(op: string, args: unknown[], makeError: (message: string) => Error): unknown {
    // Past the limit the execution is over: a script that caught the error gets it again.
    if (this.exceeded || Date.now() >= this.deadline) return this.exceed(makeError);
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ op, args } satisfies RpcRequest);
    Atomics.wait(this.flag, 0, 0, Math.max(0, this.deadline - Date.now()));
    const received = receiveMessageOnPort(this.port);
    if (received === undefined) return this.exceed(makeError);
    const reply = received.message as RpcReply;
    if (!reply.ok) throw makeError(reply.message);
    return reply.value;
  }

  private exceed(makeError: (message: string) => Error): never {
    this.exceeded = true;
    throw makeError(EXCEEDED_EXECUTION_TIME);
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
