import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../infra/table-design';
import { normaliseStorageError } from './storage-errors';

/**
 * Proves the function can write to its table, as a deployer's check (GET .../diagnostics): one item
 * in the project's partition, written and deleted at once. It holds nothing but who asked and when.
 */
export class TableProbe {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  async writeAndDelete(projectId: string, by: string, at: string): Promise<void> {
    const key = { pk: keys.projectPk(projectId), sk: keys.diagnosticsProbeSk };
    try {
      await this.doc.send(
        new PutCommand({ TableName: this.tableName, Item: { ...key, type: 'diagnostics-probe', by, at } }),
      );
      await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: key }));
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }
}
