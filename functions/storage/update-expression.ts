import type { Condition } from './submission-conditions';

export interface SetUpdate {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
}

/** An UpdateExpression setting each defined field, with placeholder names and values. */
export function setUpdate(fields: Record<string, unknown>): SetUpdate {
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
  return {
    UpdateExpression: `SET ${entries.map((_, index) => `#f${index} = :f${index}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([name], index) => [`#f${index}`, name])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], index) => [`:f${index}`, value])),
  };
}

/** An Update's fields applying `update` only while `condition` holds. */
export function conditionalUpdate(update: SetUpdate, condition: Condition) {
  const values = { ...update.ExpressionAttributeValues, ...condition.values };
  return {
    UpdateExpression: update.UpdateExpression,
    ConditionExpression: condition.expression,
    ExpressionAttributeNames: { ...update.ExpressionAttributeNames, ...condition.names },
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}
