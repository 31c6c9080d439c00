import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BackoffSettings } from './backoff';
import type { CellLanes, Lane } from './cell-lanes';
import type { WriteTask } from './submission-tasks';

/** What the parts of a SubmissionWriter share: the table, the cells' lanes, and the way back to them. */
export interface WriterContext {
  doc: DynamoDBDocumentClient;
  tableName: string;
  backoff: BackoffSettings;
  lanes: CellLanes;
  /** A write whose request may be taken already: read again, then settled or queued again. */
  settleTaken(task: WriteTask, checkExpected: boolean): void;
  /**
   * The project's configuration revision or lock count this process remembered is stale (its check
   * failed): the next submission reads them from the table.
   */
  forgetRevision(projectId: string): void;
  /** The lane has tasks again: mark it ready and send what is ready. */
  wake(lane: Lane): void;
}
