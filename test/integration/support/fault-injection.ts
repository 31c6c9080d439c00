import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Faults DynamoDB Local never produces (throttling, transaction conflicts, partial batch writes, lost
 * answers), injected as middleware on the real client so everything around them is the real SDK and
 * the real store.
 */

export interface Injection {
  /** Calls of the targeted command seen so far, faulty or not. */
  readonly calls: number;
  /** Calls that were given the fault. */
  readonly injected: number;
  remove(): void;
}

type Step = 'initialize' | 'deserialize';
type Send = (args: { input: unknown }) => Promise<{ output: unknown }>;

let sequence = 0;

/**
 * Runs `fault` instead of the plain call for the first `times` calls of the named commands.
 * The deserialize step is inside the SDK's retry loop, so the SDK's own retries meet the fault too;
 * the initialize step sees the document client's plain objects.
 */
function inject(
  doc: DynamoDBDocumentClient,
  commandNames: readonly string[],
  times: number,
  step: Step,
  fault: (send: Send, args: { input: unknown }) => Promise<{ output: unknown }>,
): Injection {
  sequence += 1;
  const name = `inject-${sequence}`;
  let calls = 0;
  let injected = 0;
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (!commandNames.includes(String(context.commandName))) return next(args);
      calls += 1;
      if (injected >= times) return next(args);
      injected += 1;
      return (await fault(next as unknown as Send, args as { input: unknown })) as Awaited<
        ReturnType<typeof next>
      >;
    },
    // Both steps take the same middleware shape; the SDK's overloads just cannot see it through a union.
    { step: step as 'initialize', name },
  );
  return {
    get calls() {
      return calls;
    },
    get injected() {
      return injected;
    },
    remove: () => doc.middlewareStack.remove(name),
  };
}

/** Throws `makeError()` instead of sending the first `times` calls of `commandName`. */
export function failCommand(
  doc: DynamoDBDocumentClient,
  commandName: string,
  times: number,
  makeError: () => Error,
): Injection {
  return inject(doc, [commandName], times, 'deserialize', async () => {
    throw makeError();
  });
}

/**
 * Lets the first `times` calls of `commandName` reach the store, then throws a connection reset instead
 * of returning the answer: the write happened, the caller does not know it.
 */
export function loseResponse(doc: DynamoDBDocumentClient, commandName: string, times: number): Injection {
  return inject(doc, [commandName], times, 'deserialize', async (send, args) => {
    await send(args);
    throw networkError('ECONNRESET');
  });
}

interface BatchInput {
  RequestItems: Record<string, unknown[]>;
}
interface BatchOutput {
  UnprocessedItems?: Record<string, unknown[]>;
}

/**
 * For the first `times` BatchWriteItem calls, sends only the first half of the requests and hands the
 * rest back as UnprocessedItems, as DynamoDB does when a partition is over its limits.
 */
export function leaveUnprocessed(doc: DynamoDBDocumentClient, times: number): Injection {
  return inject(
    doc,
    ['BatchWriteCommand', 'BatchWriteItemCommand'],
    times,
    'initialize',
    async (send, args) => {
      const input = args.input as BatchInput;
      const sent: Record<string, unknown[]> = {};
      const held: Record<string, unknown[]> = {};
      for (const [table, requests] of Object.entries(input.RequestItems)) {
        const half = Math.ceil(requests.length / 2);
        sent[table] = requests.slice(0, half);
        if (requests.length > half) held[table] = requests.slice(half);
      }
      const result = await send({ ...args, input: { ...input, RequestItems: sent } });
      const output = result.output as BatchOutput;
      output.UnprocessedItems = { ...(output.UnprocessedItems ?? {}), ...held };
      return result;
    },
  );
}

/** What Node.js raises when a socket fails: an Error with a code. */
export function networkError(code: string): Error {
  return Object.assign(new Error(`socket error ${code}`), { code });
}

/**
 * Counts every attempt the client sends, retries included (the deserialize step runs once per
 * attempt, inside the SDK's retry loop). "Gives up fast" is asserted as a bounded number of attempts,
 * each bounded by the client's timeouts: wall-clock figures belong in the benches.
 */
export function countAttempts(doc: DynamoDBDocumentClient): { readonly attempts: number; remove(): void } {
  sequence += 1;
  const name = `count-${sequence}`;
  let attempts = 0;
  doc.middlewareStack.add(
    (next) => async (args) => {
      attempts += 1;
      return next(args);
    },
    { step: 'deserialize', name },
  );
  return {
    get attempts() {
      return attempts;
    },
    remove: () => doc.middlewareStack.remove(name),
  };
}

/**
 * Runs `meanwhile` just before the first `times` calls of `commandName` are sent: another request
 * landing between a caller's read and its write. Calls made by `meanwhile` itself pass untouched.
 */
export function beforeSending(
  doc: DynamoDBDocumentClient,
  commandName: string,
  times: number,
  meanwhile: () => Promise<void>,
): Injection {
  return inject(doc, [commandName], times, 'initialize', async (send, args) => {
    await meanwhile();
    return send(args);
  });
}
