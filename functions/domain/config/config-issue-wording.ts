import type { z } from 'zod';
import { looseRecord, looseRecords, looseString } from './loose-reading';

type Key = PropertyKey;

/** "metrics[3].countsToward" from ['metrics', 3, 'countsToward']. */
export function pathText(path: readonly Key[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}

/** A name a person recognises: the first of the fields that is a non-empty text, else nothing. */
function nameOf(item: unknown, ...fields: string[]): string {
  const record = looseRecord(item);
  for (const field of fields) {
    const text = looseString(record?.[field])?.trim();
    if (text !== undefined && text !== '') return `${text} `;
  }
  return '';
}

function fieldPart(rest: readonly Key[]): string {
  return rest.length === 0 ? '' : `, field ${pathText(rest)}`;
}

/** One member of a list ("budget cpu-hours (project.budgets[0])") and what is left of the path. */
function member(
  noun: string,
  list: unknown,
  listPath: readonly Key[],
  rest: readonly Key[],
  ...nameFields: string[]
): { label: string; rest: readonly Key[] } | undefined {
  const [index, ...after] = rest;
  if (typeof index !== 'number') return undefined;
  const item = looseRecords(list)[index];
  return { label: `${noun} ${nameOf(item, ...nameFields)}(${pathText([...listPath, index])})`, rest: after };
}

function installationWhere(config: Record<string, unknown> | undefined, rest: readonly Key[]): string {
  const installation = member('installation', config?.installations, ['installations'], rest, 'name', 'id');
  if (installation === undefined) return `installations${fieldPart(rest)}`;
  const item = looseRecords(config?.installations)[rest[0] as number];
  if (installation.rest[0] === 'metrics') {
    const metric = member('metric', item?.metrics, ['metrics'], installation.rest.slice(1), 'id', 'label');
    if (metric !== undefined) return `${installation.label}, ${metric.label}${fieldPart(metric.rest)}`;
  }
  return `${installation.label}${fieldPart(installation.rest)}`;
}

function projectWhere(config: Record<string, unknown> | undefined, rest: readonly Key[]): string {
  const project = looseRecord(config?.project);
  const [list, ...after] = rest;
  if (list === 'budgets' || list === 'budgetGroups') {
    const noun = list === 'budgets' ? 'budget' : 'budget group';
    const found = member(noun, project?.[list], ['project', list], after, 'id', 'label');
    if (found !== undefined) return `${found.label}${fieldPart(found.rest)}`;
  }
  return `project${fieldPart(rest)}`;
}

/**
 * Where a problem is, in the words of the person who wrote the configuration: "installation
 * IFCA-CSIC CPU (installations[0]), field task", "installation INCD (installations[5]), metric users
 * (metrics[3]), field countsToward". The index stays in brackets so the JSON can still be searched.
 */
export function configIssueWhere(config: unknown, path: readonly Key[]): string {
  const record = looseRecord(config);
  const [top, ...rest] = path;
  if (top === undefined) return 'configuration';
  if (top === 'installations') return installationWhere(record, rest);
  if (top === 'project') return projectWhere(record, rest);
  return `field ${pathText(path)}`;
}

function valueAt(config: unknown, path: readonly Key[]): unknown {
  return path.reduce<unknown>((value, key) => {
    if (typeof value !== 'object' || value === null) return undefined;
    return (value as Record<Key, unknown>)[key];
  }, config);
}

function foundText(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const EXPECTED_TYPE: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** zod's English defaults start so; our own messages (bounds, budgets, slugs) are kept as written. */
const isZodDefault = (message: string) => /^(Invalid|Too small|Too big)\b/.test(message);

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, found: unknown): string {
  const least = issue.code === 'too_small';
  const bound = Number(least ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string' && least && bound === 1) return 'empty; expected a text';
  if (issue.origin === 'array') {
    const count = Array.isArray(found) ? found.length : '?';
    return `found ${count} entries; expected ${least ? 'at least' : 'at most'} ${bound}`;
  }
  const relation = least ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
  return `found ${foundText(found)}; expected ${relation} ${bound}`;
}

/** zod's generic wording ("Invalid input: expected string, received undefined") as found/expected. */
function issueMessage(config: unknown, issue: z.core.$ZodIssue): string {
  const found = valueAt(config, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_TYPE[issue.expected] ?? `a ${issue.expected}`;
      return found === undefined
        ? `missing; expected ${expected}`
        : `found ${foundText(found)}; expected ${expected}`;
    }
    case 'invalid_value':
      return `found ${foundText(found)}; expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}; check the spelling against the schema (schemas/project-config.schema.json)`;
    case 'too_small':
    case 'too_big':
      return isZodDefault(issue.message) ? sizeMessage(issue, found) : issue.message;
    case 'invalid_format':
      return isZodDefault(issue.message)
        ? `found ${foundText(found)}; expected ${issue.format === 'email' ? 'an e-mail address' : issue.format === 'date' ? 'a date written yyyy-mm-dd' : `a ${issue.format}`}`
        : issue.message;
    default:
      return issue.message;
  }
}

/** One sentence per problem, naming the thing and the field, what was found and what is expected. */
export function describeConfigIssue(config: unknown, issue: z.core.$ZodIssue): string {
  return `${configIssueWhere(config, issue.path)}: ${issueMessage(config, issue)}`;
}

export function describeConfigIssues(config: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => describeConfigIssue(config, issue));
}
