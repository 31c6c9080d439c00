import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../infra/table-design';
import { normaliseStorageError } from './storage-errors';

/** Which configuration revision the configuration tabs of a spreadsheet were last written from or applied as. */
export interface ConfigTabsRecord {
  projectId: string;
  spreadsheetId: string;
  revision: string;
  /** Who set up or applied. */
  writtenBy: string;
  /** ISO instant. */
  writtenAt: string;
}

interface ConfigTabsItem extends ConfigTabsRecord {
  pk: string;
  sk: string;
  type: 'config-tabs';
}

/**
 * The backend's own record of the configuration tabs' revision (one item per project, replaced by
 * each setup that writes the tabs and each apply): the sheet, which any editor may change, only
 * locates the tabs; this record decides whether they may become the next revision.
 */
export class ConfigTabsStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(projectId: string): Promise<ConfigTabsRecord | null> {
    try {
      const read = await this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: keys.projectPk(projectId), sk: keys.configTabsSk },
          ConsistentRead: true,
        }),
      );
      const item = read.Item as ConfigTabsItem | undefined;
      if (item === undefined) return null;
      const { projectId: id, spreadsheetId, revision, writtenBy, writtenAt } = item;
      return { projectId: id, spreadsheetId, revision, writtenBy, writtenAt };
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }

  async record(record: ConfigTabsRecord): Promise<void> {
    const item: ConfigTabsItem = {
      pk: keys.projectPk(record.projectId),
      sk: keys.configTabsSk,
      type: 'config-tabs',
      ...record,
    };
    try {
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item }));
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }
}
