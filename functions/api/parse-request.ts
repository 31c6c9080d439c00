import type { z } from 'zod';
import { InvalidRequestError } from './api-errors';

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}

/** Parses with the contract's schema; every problem names its field ("cells[3].periodId: ..."). */
export function parseRequest<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const where = pathOf(issue.path);
    return `${where === '' ? what : where}: ${issue.message}`;
  });
  throw new InvalidRequestError(problems);
}
