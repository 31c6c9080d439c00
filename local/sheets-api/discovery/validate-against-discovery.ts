import { parseFieldMask } from '../field-mask';
import { invalidArgument, type SheetsApiError } from '../sheets-api-error';
import {
  type DiscoveryMethod,
  type DiscoveryParameter,
  type DiscoveryProperty,
  discoverySchema,
  sheetsDiscovery,
} from './discovery-document';

/**
 * Checks a request body (and the query) against Google's discovery document the way Google's JSON
 * parser does: every field must be one the schema declares, of the declared type, an enum value one
 * the schema lists. Messages follow Google's, field paths in snake_case as Google reports them, e.g.
 * `Invalid JSON payload received. Unknown name "foo" at 'requests[0].add_protected_range': Cannot find field.`
 * Where Google's exact leniency is not documented (numbers sent as strings), the stricter reading is taken.
 * `null` is accepted anywhere: in proto3 JSON it means "not set".
 */

const PROTO_PACKAGE = 'type.googleapis.com/google.apps.sheets.v4';

/** Nesting deeper than this is refused rather than walked (no schema of the Sheets API goes near it). */
const MAX_DEPTH = 64;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const snakeCase = (name: string): string => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const pascalCase = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** A value as Google quotes it in a message: strings in quotes, the rest as JSON, cut short. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalidValue = (path: string, typeName: string, value: unknown): SheetsApiError =>
  invalidArgument(`Invalid value at '${path}' (${typeName}), ${shown(value)}`);

/** The proto type Google names in a message: TYPE_INT32, an enum or message type, ... */
function typeNameOf(property: DiscoveryProperty, fieldName: string): string {
  if (property.$ref !== undefined) return `${PROTO_PACKAGE}.${property.$ref}`;
  if (property.enum !== undefined) return `${PROTO_PACKAGE}.${pascalCase(fieldName)}`;
  switch (property.type) {
    case 'integer':
      return property.format === 'uint32' ? 'TYPE_UINT32' : 'TYPE_INT32';
    case 'number':
      return property.format === 'float' ? 'TYPE_FLOAT' : 'TYPE_DOUBLE';
    case 'boolean':
      return 'TYPE_BOOL';
    case 'string':
      return property.format === 'int64' ? 'TYPE_INT64' : 'TYPE_STRING';
    default:
      return 'TYPE_MESSAGE';
  }
}

/** `at` is the snake_case path of `value`; `fieldName` its camelCase name (for enum type names). */
function check(
  value: unknown,
  property: DiscoveryProperty,
  at: string,
  fieldName: string,
  depth: number,
): void {
  if (value === null) return;
  if (depth > MAX_DEPTH)
    throw invalidArgument(`Invalid JSON payload received. Nesting too deep at '${at}' (over ${MAX_DEPTH}).`);
  if (property.$ref !== undefined) {
    checkObject(value, discoverySchema(property.$ref), at, depth, `${PROTO_PACKAGE}.${property.$ref}`);
    return;
  }
  switch (property.type) {
    case 'any':
      return;
    case 'array': {
      if (!Array.isArray(value)) throw invalidValue(at, typeNameOf(property.items ?? {}, fieldName), value);
      const items = property.items ?? { type: 'any' };
      value.forEach((item, index) => {
        if (Array.isArray(item) && items.type !== 'array') {
          throw invalidArgument(
            `Invalid JSON payload received. Unknown name "${fieldName}" at '${at}[${index}]': Proto field is not repeating, cannot start list.`,
          );
        }
        check(item, items, `${at}[${index}]`, fieldName, depth + 1);
      });
      return;
    }
    case 'object':
      checkObject(value, property, at, depth, 'TYPE_MESSAGE');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw invalidValue(at, 'TYPE_BOOL', value);
      return;
    case 'integer': {
      const [min, max] = property.format === 'uint32' ? [0, 2 ** 32 - 1] : [INT32_MIN, INT32_MAX];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
        throw invalidValue(at, typeNameOf(property, fieldName), value);
      return;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw invalidValue(at, typeNameOf(property, fieldName), value);
      return;
    case 'string':
      checkString(value, property, at, fieldName);
      return;
    default:
      throw new Error(`The Sheets discovery document has a property of unknown type at ${at}`);
  }
}

function checkString(value: unknown, property: DiscoveryProperty, at: string, fieldName: string): void {
  // proto3 JSON writes 64-bit integers as strings, and reads them from numbers too.
  if (property.format === 'int64') {
    const ok =
      (typeof value === 'number' && Number.isSafeInteger(value)) ||
      (typeof value === 'string' && /^-?\d{1,19}$/.test(value));
    if (!ok) throw invalidValue(at, 'TYPE_INT64', value);
    return;
  }
  if (typeof value !== 'string') throw invalidValue(at, typeNameOf(property, fieldName), value);
  if (property.enum !== undefined && !property.enum.includes(value))
    throw invalidValue(at, typeNameOf(property, fieldName), value);
  if (property.format === 'google-fieldmask') {
    try {
      parseFieldMask(value);
    } catch {
      throw invalidValue(at, 'type.googleapis.com/google.protobuf.FieldMask', value);
    }
  }
}

function checkObject(
  value: unknown,
  schema: DiscoveryProperty,
  at: string,
  depth: number,
  typeName: string,
): void {
  if (!isPlainObject(value)) {
    if (Array.isArray(value)) {
      const name =
        at
          .split('.')
          .pop()
          ?.replace(/\[\d+\]$/, '') ?? at;
      const parent = at.includes('.') ? at.slice(0, at.lastIndexOf('.')) : '';
      throw invalidArgument(
        `Invalid JSON payload received. Unknown name "${name}" at '${parent}': Proto field is not repeating, cannot start list.`,
      );
    }
    throw invalidValue(at, typeName, value);
  }
  const properties = schema.properties ?? {};
  for (const [name, inner] of Object.entries(value)) {
    // Own properties only: "constructor" or "__proto__" are unknown names, never Object.prototype's.
    const property = Object.hasOwn(properties, name) ? properties[name] : schema.additionalProperties;
    const path = Object.hasOwn(properties, name)
      ? `${at === '' ? '' : `${at}.`}${snakeCase(name)}`
      : `${at}[${JSON.stringify(name)}]`;
    if (property === undefined) {
      throw invalidArgument(
        `Invalid JSON payload received. Unknown name ${JSON.stringify(name)}${at === '' ? '' : ` at '${at}'`}: Cannot find field.`,
      );
    }
    check(inner, property, path, name, depth + 1);
  }
}

/** The body of `method` (a discovery method with a request schema) checked against that schema. */
export function validateRequestBody(method: DiscoveryMethod, body: unknown): void {
  const reference = method.request?.$ref;
  if (reference === undefined) {
    if (body !== undefined)
      throw invalidArgument(`Invalid JSON payload received. ${method.id} takes no request body.`);
    return;
  }
  checkObject(body ?? {}, discoverySchema(reference), '', 0, `${PROTO_PACKAGE}.${reference}`);
}

/**
 * Query parameters of `method`, and the ones every Google API takes, checked for their declared
 * type and enum values. Parameters the discovery document does not know are refused by the caller.
 */
export function validateQuery(method: DiscoveryMethod, query: URLSearchParams): void {
  for (const name of new Set(query.keys())) {
    const parameter: DiscoveryParameter | undefined =
      (method.parameters !== undefined && Object.hasOwn(method.parameters, name)
        ? method.parameters[name]
        : undefined) ??
      (Object.hasOwn(sheetsDiscovery().parameters, name) ? sheetsDiscovery().parameters[name] : undefined);
    if (parameter === undefined || parameter.location !== 'query') {
      throw invalidArgument(
        `Invalid JSON payload received. Unknown name ${JSON.stringify(name)}: Cannot bind query parameter. Field '${name}' could not be found in request message.`,
      );
    }
    const values = query.getAll(name);
    if (values.length > 1 && !parameter.repeated) {
      throw invalidArgument(
        `Invalid JSON payload received. Unknown name ${JSON.stringify(name)}: Cannot bind a list to a non-repeated query parameter.`,
      );
    }
    for (const value of values) {
      const at = snakeCase(name);
      if (parameter.enum !== undefined && !parameter.enum.includes(value))
        throw invalidValue(at, typeNameOf(parameter, name), value);
      if (parameter.type === 'boolean' && value !== 'true' && value !== 'false')
        throw invalidValue(at, 'TYPE_BOOL', value);
      if (parameter.type === 'integer' && !/^-?\d+$/.test(value)) throw invalidValue(at, 'TYPE_INT32', value);
    }
  }
}
