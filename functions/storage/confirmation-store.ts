import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../infra/table-design';
import type { PeriodId } from '../domain/calendar/reporting-period';
import type { Confirmation, CoveredCell, Justification } from '../domain/confirmations/confirmation';
import { assertItemFits } from './item-size';
import { queryAll } from './query-all';
import { normaliseStorageError } from './storage-errors';

interface ConfirmationItem {
  pk: string;
  sk: string;
  type: 'confirmation';
  projectId: string;
  installationId: string;
  periodId: PeriodId;
  confirmedBy: string;
  confirmedAt: string;
  cells: CoveredCell[];
  justifications: Justification[];
}

/**
 * Partners' confirmations, one item each, never overwritten: a partner who confirms again after a
 * change adds a newer one, and the history of who stood behind which figures stays. The cell versions
 * a confirmation records are what makes it stale later, so it needs no lock on the cells: a cell that
 * moved between reading and writing leaves it stale at once.
 */
export class ConfirmationStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async save(projectId: string, confirmation: Confirmation): Promise<void> {
    const item: ConfirmationItem = {
      pk: keys.projectPk(projectId),
      sk: keys.confirmationSk(
        confirmation.periodId,
        confirmation.installationId,
        confirmation.confirmedAt,
        randomBytes(6).toString('hex'),
      ),
      type: 'confirmation',
      projectId,
      ...confirmation,
    };
    assertItemFits(item, `confirmation of ${confirmation.installationId} for ${confirmation.periodId}`);
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }

  /** Every confirmation of the given periods, oldest first: one Query per period. */
  async list(projectId: string, periodIds: readonly PeriodId[]): Promise<Confirmation[]> {
    const pages = await Promise.all(
      periodIds.map((periodId) =>
        queryAll(this.doc, {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: {
            ':pk': keys.projectPk(projectId),
            ':prefix': keys.confirmationPeriodPrefix(periodId),
          },
          ConsistentRead: true,
        }),
      ),
    );
    return pages
      .flat()
      .map((raw) => {
        const item = raw as unknown as ConfirmationItem;
        return {
          installationId: item.installationId,
          periodId: item.periodId,
          confirmedBy: item.confirmedBy,
          confirmedAt: item.confirmedAt,
          cells: item.cells ?? [],
          justifications: item.justifications ?? [],
        };
      })
      .sort((a, b) => a.confirmedAt.localeCompare(b.confirmedAt));
  }
}
