import { batchGetAll, itemKeyId } from './batch-get';
import { recordedFromRequest } from './cell-items';
import type { CellItem, RequestRecord } from './entry-records';
import { normaliseStorageError, RequestIdReusedError, VersionConflictError } from './storage-errors';
import type { WriteTask } from './submission-tasks';
import type { WriterContext } from './writer-context';

/**
 * The idempotency record of a write exists already, or its expected version is not the current one
 * this process knew: the record and the cell are read again. The same request again is answered with
 * its first result, another value under its requestId is refused, an expected version that is
 * really not current is a VersionConflictError, and anything else is queued to be written again.
 */
export async function settleTakenRequest(
  context: WriterContext,
  task: WriteTask,
  checkExpected: boolean,
): Promise<void> {
  const { submission, expectedVersion } = task.write;
  const { lanes } = context;
  const lane = lanes.laneOf(submission.projectId, submission);
  try {
    const seenAt = lanes.clock();
    const read = await batchGetAll(context.doc, context.tableName, [task.requestKey, lane.cellKey], {
      backoff: context.backoff,
    });
    const request = read.get(itemKeyId(task.requestKey)) as RequestRecord | undefined;
    if (request !== undefined) {
      if (request.fingerprint !== undefined && request.fingerprint !== task.fingerprint) {
        task.reject(new RequestIdReusedError(submission, submission.requestId));
      } else {
        task.resolve(recordedFromRequest(request));
      }
      return;
    }
    const cell = read.get(itemKeyId(lane.cellKey)) as CellItem | undefined;
    lanes.observe(lane, cell, seenAt);
    const actual = cell?.currentVersion ?? 0;
    if (checkExpected && expectedVersion !== undefined && expectedVersion !== actual) {
      task.reject(new VersionConflictError(expectedVersion, actual));
      return;
    }
    lanes.requeue(lane, [task], true, 'contention');
    context.wake(lane);
  } catch (error) {
    task.reject(normaliseStorageError(error));
  }
}
