import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../infra/table-design';
import { normaliseStorageError } from './storage-errors';

export interface SheetBinding {
  projectId: string;
  spreadsheetId: string;
  boundBy: string;
  /** ISO instant. */
  boundAt: string;
}

interface SheetBindingItem extends SheetBinding {
  pk: string;
  sk: string;
  type: 'sheet-binding';
}

export interface SheetBindingStoreOptions {
  now?: () => Date;
}

/** Which spreadsheet a project writes to: one item per project, replaced on each bind. */
export class SheetBindingStore {
  private readonly now: () => Date;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: SheetBindingStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async bind(projectId: string, spreadsheetId: string, boundBy: string): Promise<SheetBinding> {
    const binding: SheetBinding = { projectId, spreadsheetId, boundBy, boundAt: this.now().toISOString() };
    const item: SheetBindingItem = {
      pk: keys.projectPk(projectId),
      sk: keys.sheetBindingSk,
      type: 'sheet-binding',
      ...binding,
    };
    try {
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item }));
    } catch (error) {
      throw normaliseStorageError(error);
    }
    return binding;
  }

  /** The binding, or null when no spreadsheet was bound yet. */
  async get(projectId: string): Promise<SheetBinding | null> {
    try {
      const read = await this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: keys.projectPk(projectId), sk: keys.sheetBindingSk },
          ConsistentRead: true,
        }),
      );
      const item = read.Item as SheetBindingItem | undefined;
      return item === undefined
        ? null
        : {
            projectId: item.projectId,
            spreadsheetId: item.spreadsheetId,
            boundBy: item.boundBy,
            boundAt: item.boundAt,
          };
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }
}
