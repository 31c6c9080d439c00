import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { normaliseStorageError } from './storage-errors';

/** Every item a Query matches, following LastEvaluatedKey across pages (1 MB each). */
export async function queryAll(
  doc: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    try {
      const page = await doc.send(
        new QueryCommand({ ...input, ...(startKey !== undefined ? { ExclusiveStartKey: startKey } : {}) }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } catch (error) {
      throw normaliseStorageError(error);
    }
  } while (startKey !== undefined);
  return items;
}
