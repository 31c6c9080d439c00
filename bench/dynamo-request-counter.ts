import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoRequestCounter {
  /** HTTP requests sent since the last reset, SDK retries included. */
  total(): number;
  /** The same requests by command name, e.g. "QueryCommand", most frequent first. */
  byCommand(): [string, number][];
  reset(): void;
}

/**
 * Counts every request a client sends to DynamoDB. The middleware sits in the deserialize step, inside
 * the SDK's retry loop, so a retried call counts once per attempt: what the table is actually asked.
 * A document client shares its base client's stack, so adding it to either counts both.
 */
export function countDynamoRequests(client: DynamoDBClient | DynamoDBDocumentClient): DynamoRequestCounter {
  const counts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'deserialize', name: 'benchDynamoRequestCounter', override: true },
  );
  return {
    total: () => [...counts.values()].reduce((sum, count) => sum + count, 0),
    byCommand: () => [...counts.entries()].sort((a, b) => b[1] - a[1]),
    reset: () => counts.clear(),
  };
}
