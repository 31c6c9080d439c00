import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
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

/** The spreadsheet is bound to another project: a spreadsheet holds one project. */
export class SpreadsheetOfAnotherProjectError extends Error {
  constructor(
    readonly spreadsheetId: string,
    readonly projectId: string,
    readonly ownerProjectId: string | undefined,
  ) {
    super(
      `The spreadsheet ${spreadsheetId} belongs to ${ownerProjectId === undefined ? 'another project' : `project "${ownerProjectId}"`}, and a spreadsheet holds one project: bind a new spreadsheet to "${projectId}", or ask that project's coordinators`,
    );
    this.name = 'SpreadsheetOfAnotherProjectError';
  }
}

interface SpreadsheetOwnerItem {
  pk: string;
  sk: string;
  type: 'spreadsheet-owner';
  spreadsheetId: string;
  projectId: string;
  boundBy: string;
  boundAt: string;
}

/**
 * Which spreadsheet a project writes to (one item per project, replaced on each bind), and which
 * project a spreadsheet belongs to (one item per spreadsheet, created only if absent or already the
 * project's): written together in one transaction, so a second project can never bind a bound
 * spreadsheet, and rebinding frees the spreadsheet the project leaves.
 */
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
    const owner: SpreadsheetOwnerItem = {
      pk: keys.spreadsheetPk(spreadsheetId),
      sk: keys.spreadsheetOwnerSk,
      type: 'spreadsheet-owner',
      ...binding,
    };
    const previous = await this.get(projectId);
    const leaving = previous !== null && previous.spreadsheetId !== spreadsheetId ? previous : undefined;
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: owner,
                ConditionExpression: 'attribute_not_exists(pk) OR projectId = :p',
                ExpressionAttributeValues: { ':p': projectId },
              },
            },
            { Put: { TableName: this.tableName, Item: item } },
            ...(leaving === undefined
              ? []
              : [
                  {
                    Delete: {
                      TableName: this.tableName,
                      Key: { pk: keys.spreadsheetPk(leaving.spreadsheetId), sk: keys.spreadsheetOwnerSk },
                      ConditionExpression: 'attribute_not_exists(pk) OR projectId = :p',
                      ExpressionAttributeValues: { ':p': projectId },
                    },
                  },
                ]),
          ],
        }),
      );
    } catch (error) {
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
      if (reasons?.[0]?.Code === 'ConditionalCheckFailed') {
        throw new SpreadsheetOfAnotherProjectError(
          spreadsheetId,
          projectId,
          await this.ownerOf(spreadsheetId),
        );
      }
      throw normaliseStorageError(error);
    }
    return binding;
  }

  /** The project a spreadsheet is bound to, if any. */
  async ownerOf(spreadsheetId: string): Promise<string | undefined> {
    try {
      const read = await this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: keys.spreadsheetPk(spreadsheetId), sk: keys.spreadsheetOwnerSk },
          ConsistentRead: true,
        }),
      );
      return (read.Item as SpreadsheetOwnerItem | undefined)?.projectId;
    } catch (error) {
      throw normaliseStorageError(error);
    }
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
