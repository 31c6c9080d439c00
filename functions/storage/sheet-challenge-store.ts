import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../infra/table-design';
import { normaliseStorageError } from './storage-errors';

export interface SheetChallengeStoreOptions {
  now?: () => Date;
  /** How long a challenge can be answered; a few minutes: the add-on answers it at once. */
  ttlSeconds?: number;
}

/** What the add-on writes into the spreadsheet: the nonce, under this key, until it expires. */
export interface IssuedChallenge {
  nonce: string;
  spreadsheetId: string;
  /** ISO instant. */
  expiresAt: string;
}

interface ChallengeItem {
  pk: string;
  sk: string;
  type: 'sheet-challenge';
  email: string;
  spreadsheetId: string;
  /** SHA-256 of the nonce, hex: the nonce itself is never stored. */
  nonceHash: string;
  /** Epoch seconds: past it the challenge is refused (and DynamoDB's TTL may remove the item). */
  expiresAt: number;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * One-time challenges proving that a coordinator can edit a spreadsheet before it is bound to their
 * project: issued for (project, caller, spreadsheet), answered by the add-on writing the nonce where
 * only an editor can, and consumed once by the bind that reads it back.
 */
export class SheetChallengeStore {
  private readonly now: () => Date;
  private readonly ttlSeconds: number;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: SheetChallengeStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.ttlSeconds = options.ttlSeconds ?? 600;
  }

  private key(projectId: string, email: string) {
    return { pk: keys.projectPk(projectId), sk: keys.sheetChallengeSk(sha256(email.toLowerCase())) };
  }

  /** A new challenge for this caller and project, replacing any earlier one. */
  async issue(projectId: string, email: string, spreadsheetId: string): Promise<IssuedChallenge> {
    const nonce = randomBytes(24).toString('base64url');
    const expiresAt = Math.floor(this.now().getTime() / 1000) + this.ttlSeconds;
    const item: ChallengeItem = {
      ...this.key(projectId, email),
      type: 'sheet-challenge',
      email: email.toLowerCase(),
      spreadsheetId,
      nonceHash: sha256(nonce),
      expiresAt,
    };
    try {
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item }));
    } catch (error) {
      throw normaliseStorageError(error);
    }
    return { nonce, spreadsheetId, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }

  /**
   * Whether one of `presented` (the values found in the spreadsheet) is this caller's unexpired nonce
   * for this spreadsheet. A match consumes the challenge: it answers true once.
   */
  async consume(
    projectId: string,
    email: string,
    spreadsheetId: string,
    presented: readonly string[],
  ): Promise<boolean> {
    const key = this.key(projectId, email);
    let item: ChallengeItem | undefined;
    try {
      item = (
        await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }))
      ).Item as ChallengeItem | undefined;
    } catch (error) {
      throw normaliseStorageError(error);
    }
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    if (item === undefined || item.spreadsheetId !== spreadsheetId || item.expiresAt < nowSeconds)
      return false;
    const expected = Buffer.from(item.nonceHash, 'hex');
    const matches = presented.some((value) => timingSafeEqual(Buffer.from(sha256(value), 'hex'), expected));
    if (!matches) return false;
    try {
      // Conditioned on the same hash: two binds racing with one nonce succeed once.
      await this.doc.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: key,
          ConditionExpression: 'nonceHash = :h',
          ExpressionAttributeValues: { ':h': item.nonceHash },
        }),
      );
    } catch (error) {
      if ((error as { name?: unknown }).name === 'ConditionalCheckFailedException') return false;
      throw normaliseStorageError(error);
    }
    return true;
  }
}
