import type { Shape } from './request-shapes';
import { invalidArgument } from './sheets-api-error';

/**
 * Google's FieldMask, one module for the three places it appears: the `fields` of update requests
 * (set what is listed, CLEAR what is listed but absent, leave the rest), the same parser for
 * validating those paths, and the `fields` query parameter of reads (partial response).
 * Syntax: "a,b.c", "a(b,c.d)", "a/b", "*" (everything).
 */
export type FieldMask = { all: true } | { all: false; paths: string[][] };

export function parseFieldMask(text: string | null | undefined): FieldMask | undefined {
  if (text === undefined || text === null || text.trim() === '') return undefined;
  const source = text.replace(/\s+/g, '');
  let position = 0;
  const fail = (): never => {
    throw invalidArgument(`Invalid field mask "${text}": cannot parse it at character ${position + 1}.`);
  };
  // list := item ("," item)* ; item := name ("." name | "/" name)* ("(" list ")")?
  const parseList = (): string[][] => {
    const paths: string[][] = [];
    for (;;) {
      paths.push(...parseItem());
      if (source[position] !== ',') return paths;
      position += 1;
    }
  };
  const parseItem = (): string[][] => {
    const prefix: string[] = [];
    for (;;) {
      const match = /^[A-Za-z_*][A-Za-z0-9_]*/.exec(source.slice(position));
      if (!match) return fail();
      prefix.push(match[0]);
      position += match[0].length;
      const next = source[position];
      if (next === '.' || next === '/') {
        position += 1;
        continue;
      }
      if (next === '(') {
        position += 1;
        const inner = parseList();
        if (source[position] !== ')') fail();
        position += 1;
        return inner.map((path) => [...prefix, ...path]);
      }
      return [prefix];
    }
  };
  const paths = parseList();
  if (position !== source.length) fail();
  // "a.*" means the whole of a; "*" at the top means everything.
  const normalised = paths.map((path) => (path[path.length - 1] === '*' ? path.slice(0, -1) : path));
  if (normalised.some((path) => path.length === 0)) return { all: true };
  return { all: false, paths: normalised };
}

/** Rejects a path naming a field the local API does not implement (so nothing relies on it). */
export function checkMaskAgainstShape(mask: FieldMask, shape: Shape, where: string): void {
  if (mask.all) return;
  for (const path of mask.paths) {
    let current: Shape = shape;
    for (const name of path) {
      while (Array.isArray(current)) current = current[0] as Shape;
      if (current === true || typeof current !== 'object' || !(name in current)) {
        throw invalidArgument(
          `Invalid ${where}: the field mask names "${path.join('.')}", which does not exist or is not implemented by the local Sheets API.`,
        );
      }
      current = (current as Record<string, Shape>)[name] as Shape;
    }
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function getPath(source: unknown, path: string[]): unknown {
  let current = source;
  for (const name of path) {
    if (!isObject(current)) return undefined;
    current = current[name];
  }
  return current;
}

function setPath(target: Json, path: string[], value: unknown): void {
  let current = target;
  path.slice(0, -1).forEach((name) => {
    if (!isObject(current[name])) current[name] = {};
    current = current[name] as Json;
  });
  current[path[path.length - 1] as string] = structuredClone(value);
}

function unsetPath(target: Json, path: string[]): void {
  const parents: Json[] = [];
  let current: unknown = target;
  for (const name of path.slice(0, -1)) {
    if (!isObject(current)) return;
    parents.push(current);
    current = current[name];
  }
  if (!isObject(current)) return;
  delete current[path[path.length - 1] as string];
  // Prune objects left empty, so a cleared field leaves no `{}` behind.
  let child = current;
  for (let depth = parents.length - 1; depth >= 0; depth--) {
    if (Object.keys(child).length > 0) break;
    const parent = parents[depth] as Json;
    delete parent[path[depth] as string];
    child = parent;
  }
}

/** The update semantics: a new object, `target` changed by `source` for the masked fields. */
export function applyFieldMask<T extends object>(target: T, source: object, mask: FieldMask): T {
  if (mask.all) return structuredClone(source) as T;
  const result = structuredClone(target) as Json;
  for (const path of mask.paths) {
    const value = getPath(source, path);
    if (value === undefined || value === null) unsetPath(result, path);
    else setPath(result, path, value);
  }
  return result as T;
}

/** Partial response: only the masked fields, through arrays, of a response body. */
export function filterByFieldMask(value: unknown, mask: FieldMask | undefined): unknown {
  if (mask === undefined || mask.all) return value;
  return pick(value, mask.paths);
}

function pick(value: unknown, paths: string[][]): unknown {
  if (Array.isArray(value)) return value.map((item) => pick(item, paths));
  if (!isObject(value)) return value;
  if (paths.some((path) => path.length === 0)) return value;
  const byHead = new Map<string, string[][]>();
  for (const [head, ...rest] of paths) {
    if (head === undefined) continue;
    byHead.set(head, [...(byHead.get(head) ?? []), rest]);
  }
  const result: Json = {};
  for (const [head, rests] of byHead) {
    if (!(head in value)) continue;
    result[head] = pick(value[head], rests);
  }
  return result;
}
