import { LEGACY_REVISION_PREFIX, LOCK_CHANGES_ATTRIBUTE } from './config-revision';
import type { CellItem } from './entry-records';

/**
 * Every condition the submission transactions put on their actions, in one place and named for the
 * state they require, as powertools' idempotency layer names its own (`idempotencyKeyDoesNotExist`).
 */
export interface Condition {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** The item is not there yet: a cell's first write, and every history item (keyed by its requestId). */
export const itemDoesNotExist: Condition = {
  expression: 'attribute_not_exists(#pk)',
  names: { '#pk': 'pk' },
  values: {},
};

/** The cell's submission counter is still the one read: nobody wrote the cell since. */
export function submissionCountUnchanged(submissions: number): Condition {
  return { expression: '#n = :n', names: { '#n': 'submissions' }, values: { ':n': submissions } };
}

/** The cell is still as read: absent when it was read absent, else its counter unchanged. */
export function cellUnchanged(read: CellItem | undefined): Condition {
  return read === undefined ? itemDoesNotExist : submissionCountUnchanged(read.submissions);
}

/** The cell's current version is still the one an outcome was computed for. */
export function currentVersionUnchanged(currentVersion: number): Condition {
  return { expression: '#cv = :cv', names: { '#cv': 'currentVersion' }, values: { ':cv': currentVersion } };
}

/**
 * The project's stored configuration is still at `revision`. Items saved before revisions existed are
 * known by their save time (see config-revision.ts).
 */
export function configRevisionUnchanged(revision: string): Condition {
  if (!revision.startsWith(LEGACY_REVISION_PREFIX)) {
    return { expression: '#r = :r', names: { '#r': 'revision' }, values: { ':r': revision } };
  }
  return {
    expression: 'attribute_not_exists(#r) AND #u = :u',
    names: { '#r': 'revision', '#u': 'updatedAt' },
    values: { ':u': revision.slice(LEGACY_REVISION_PREFIX.length) },
  };
}

/** The project's periods were locked or reopened exactly `count` times, as when the submission was read. */
export function lockChangesUnchanged(count: number): Condition {
  const names = { '#lc': LOCK_CHANGES_ATTRIBUTE };
  return count === 0
    ? { expression: 'attribute_not_exists(#lc)', names, values: {} }
    : { expression: '#lc = :lc', names, values: { ':lc': count } };
}

/** Every condition at once; their placeholders must not collide (each condition names its own). */
export function allOf(...conditions: readonly Condition[]): Condition {
  return {
    expression: conditions.map((condition) => `(${condition.expression})`).join(' AND '),
    names: Object.assign({}, ...conditions.map((condition) => condition.names)),
    values: Object.assign({}, ...conditions.map((condition) => condition.values)),
  };
}

/** A condition as a Put's or a ConditionCheck's fields; DynamoDB refuses an empty value map. */
export function conditionFields(condition: Condition) {
  return {
    ConditionExpression: condition.expression,
    ExpressionAttributeNames: condition.names,
    ...(Object.keys(condition.values).length > 0 ? { ExpressionAttributeValues: condition.values } : {}),
  };
}
