import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A property or item of a discovery-document schema (the subset of JSON Schema Google uses). */
export interface DiscoveryProperty {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'any';
  $ref?: string;
  format?: string;
  enum?: string[];
  items?: DiscoveryProperty;
  additionalProperties?: DiscoveryProperty;
  properties?: Record<string, DiscoveryProperty>;
}

export interface DiscoverySchema extends DiscoveryProperty {
  id: string;
}

export interface DiscoveryParameter extends DiscoveryProperty {
  location: 'path' | 'query';
  repeated?: boolean;
}

export interface DiscoveryMethod {
  id: string;
  httpMethod: string;
  request?: { $ref: string };
  parameters?: Record<string, DiscoveryParameter>;
}

interface DiscoveryResource {
  methods?: Record<string, DiscoveryMethod>;
  resources?: Record<string, DiscoveryResource>;
}

export interface DiscoveryDocument extends DiscoveryResource {
  revision: string;
  schemas: Record<string, DiscoverySchema>;
  parameters: Record<string, DiscoveryParameter>;
}

/**
 * Google's Sheets API v4 discovery document, copied unchanged into this folder (see its README for
 * where it comes from and how to take a newer revision). Read once, at first use: every request
 * body the local Sheets API accepts is checked against it.
 */
let loaded: DiscoveryDocument | undefined;
export function sheetsDiscovery(): DiscoveryDocument {
  loaded ??= JSON.parse(readFileSync(join(__dirname, 'sheets.v4.json'), 'utf8')) as DiscoveryDocument;
  return loaded;
}

/** The method named by its discovery id, e.g. "sheets.spreadsheets.batchUpdate". */
export function discoveryMethod(id: string): DiscoveryMethod {
  const visit = (resource: DiscoveryResource): DiscoveryMethod | undefined => {
    for (const method of Object.values(resource.methods ?? {})) if (method.id === id) return method;
    for (const inner of Object.values(resource.resources ?? {})) {
      const found = visit(inner);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const method = visit(sheetsDiscovery());
  if (method === undefined) throw new Error(`The Sheets discovery document has no method ${id}`);
  return method;
}

/** The schema of a `$ref`; an unknown name is a defect of this code, not of the request. */
export function discoverySchema(name: string): DiscoverySchema {
  const schemas = sheetsDiscovery().schemas;
  const schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
  if (schema === undefined) throw new Error(`The Sheets discovery document has no schema ${name}`);
  return schema;
}
