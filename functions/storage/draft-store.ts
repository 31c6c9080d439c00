import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../infra/table-design';
import { assertItemFits } from './item-size';
import { queryAll } from './query-all';
import { normaliseStorageError } from './storage-errors';

export type DraftOrigin = 'generated' | 'edited';

export interface GeneratedDraft {
  installationId: string;
  text: string;
  figures: unknown;
}

export interface StoredDraft {
  projectId: string;
  windowId: string;
  installationId: string;
  text: string;
  /** The figures the text was generated from; null for a draft a person wrote from scratch. */
  figures: unknown;
  origin: DraftOrigin;
  generatedAt: string | null;
  editedBy: string | null;
  editedAt: string | null;
  updatedAt: string;
}

export interface DraftStoreOptions {
  now?: () => Date;
}

interface DraftItem {
  pk: string;
  sk: string;
  type: 'draft';
  projectId: string;
  windowId: string;
  installationId: string;
  text: string;
  /** JSON text: figures may hold numbers a DynamoDB number cannot (NaN is already null in JSON). */
  figuresJson: string;
  origin: DraftOrigin;
  generatedAt?: string;
  editedBy?: string;
  editedAt?: string;
  updatedAt: string;
}

/**
 * Text hashes (text-hash.ts) the functions wrote into each installation's assessment cell of one
 * window, newest first. Kept here, not in the sheet, because any editor can rewrite developer
 * metadata: a cell holding one of these texts is the functions' own, any other text is a person's.
 */
export type SheetWrittenTexts = ReadonlyMap<string, readonly string[]>;

interface SheetWrittenItem {
  pk: string;
  sk: string;
  type: 'sheet-written';
  projectId: string;
  windowId: string;
  /** installationId → hashes, newest first. */
  hashes: Record<string, string[]>;
  updatedAt: string;
}

function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}

/**
 * Assessment drafts per window (P2, PY1...) and installation. Regenerating never replaces text a person
 * edited: the put itself is conditioned on the stored draft not being "edited", so an edit saved a
 * moment before a regeneration still wins.
 */
export class DraftStore {
  private readonly now: () => Date;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: DraftStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async saveGenerated(
    projectId: string,
    windowId: string,
    drafts: readonly GeneratedDraft[],
  ): Promise<{ stored: string[]; keptEdited: string[] }> {
    const generatedAt = this.now().toISOString();
    const items = drafts.map(
      (draft): DraftItem => ({
        pk: keys.projectPk(projectId),
        sk: keys.draftSk(windowId, draft.installationId),
        type: 'draft',
        projectId,
        windowId,
        installationId: draft.installationId,
        text: draft.text,
        figuresJson: JSON.stringify(draft.figures ?? null),
        origin: 'generated',
        generatedAt,
        updatedAt: generatedAt,
      }),
    );
    for (const item of items) assertItemFits(item, draftName(windowId, item.installationId));
    const outcomes = await Promise.all(
      items.map(async (item) => {
        try {
          await this.doc.send(
            new PutCommand({
              TableName: this.tableName,
              Item: item,
              ConditionExpression: 'attribute_not_exists(pk) OR origin <> :edited',
              ExpressionAttributeValues: { ':edited': 'edited' },
            }),
          );
          return { installationId: item.installationId, stored: true };
        } catch (error) {
          if (isConditionFailure(error)) return { installationId: item.installationId, stored: false };
          throw normaliseStorageError(error);
        }
      }),
    );
    return {
      stored: outcomes.filter((outcome) => outcome.stored).map((outcome) => outcome.installationId),
      keptEdited: outcomes.filter((outcome) => !outcome.stored).map((outcome) => outcome.installationId),
    };
  }

  /** A person's text: kept from now on, whatever is regenerated. The figures of the generated draft stay. */
  async saveEdited(
    projectId: string,
    windowId: string,
    installationId: string,
    text: string,
    editor: string,
  ): Promise<StoredDraft> {
    const editedAt = this.now().toISOString();
    const key = { pk: keys.projectPk(projectId), sk: keys.draftSk(windowId, installationId) };
    assertItemFits({ ...key, text, editor, installationId, windowId }, draftName(windowId, installationId));
    try {
      const updated = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression:
            'SET #type = :type, projectId = :projectId, windowId = :windowId, installationId = :installationId, ' +
            '#text = :text, origin = :edited, editedBy = :editor, editedAt = :at, updatedAt = :at, ' +
            'figuresJson = if_not_exists(figuresJson, :noFigures)',
          ExpressionAttributeNames: { '#type': 'type', '#text': 'text' },
          ExpressionAttributeValues: {
            ':type': 'draft',
            ':projectId': projectId,
            ':windowId': windowId,
            ':installationId': installationId,
            ':text': text,
            ':edited': 'edited',
            ':editor': editor,
            ':at': editedAt,
            ':noFigures': 'null',
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toStoredDraft(updated.Attributes as DraftItem);
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }

  /** What the functions wrote into the window's assessment cells (empty for a window never written). */
  async sheetTexts(projectId: string, windowId: string): Promise<SheetWrittenTexts> {
    try {
      const answer = await this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: keys.projectPk(projectId), sk: keys.sheetWrittenSk(windowId) },
          ConsistentRead: true,
        }),
      );
      const item = answer.Item as SheetWrittenItem | undefined;
      return new Map(Object.entries(item?.hashes ?? {}));
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }

  /** Replaces the record of what the functions wrote into the window's assessment cells. */
  async recordSheetTexts(projectId: string, windowId: string, texts: SheetWrittenTexts): Promise<void> {
    const item: SheetWrittenItem = {
      pk: keys.projectPk(projectId),
      sk: keys.sheetWrittenSk(windowId),
      type: 'sheet-written',
      projectId,
      windowId,
      hashes: Object.fromEntries([...texts].map(([installationId, hashes]) => [installationId, [...hashes]])),
      updatedAt: this.now().toISOString(),
    };
    assertItemFits(item, `record of the assessments written to the sheet for ${windowId}`);
    try {
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item }));
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }

  /** The window's drafts, one per installation, in installation id order. */
  async list(projectId: string, windowId: string): Promise<StoredDraft[]> {
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.projectPk(projectId),
        ':prefix': keys.draftWindowPrefix(windowId),
      },
      ConsistentRead: true,
    });
    return items.map((item) => toStoredDraft(item as unknown as DraftItem));
  }
}

function draftName(windowId: string, installationId: string): string {
  return `draft for ${installationId} in ${windowId}`;
}

function toStoredDraft(item: DraftItem): StoredDraft {
  return {
    projectId: item.projectId,
    windowId: item.windowId,
    installationId: item.installationId,
    text: item.text,
    figures: JSON.parse(item.figuresJson ?? 'null'),
    origin: item.origin,
    generatedAt: item.generatedAt ?? null,
    editedBy: item.editedBy ?? null,
    editedAt: item.editedAt ?? null,
    updatedAt: item.updatedAt,
  };
}
