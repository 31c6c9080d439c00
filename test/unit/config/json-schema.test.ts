import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectConfigSchema } from '../../../functions/domain/config';
import {
  generatedSchemaFiles,
  PROJECT_CONFIG_SCHEMA_FILE,
  projectConfigJsonSchema,
  SCHEMAS_DIRECTORY,
} from '../../../scripts/generate-json-schemas';

const exampleDirectory = join(__dirname, '..', '..', '..', 'examples', 'imagine-py1');
const example = JSON.parse(readFileSync(join(exampleDirectory, 'config.json'), 'utf8'));

interface JsonSchemaNode {
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
}

/**
 * zod objects drop keys they do not know, so a misspelt field ("modalityofAccess") would vanish
 * silently on parse; this finds keys of a document that the generated schema does not declare.
 */
function undeclaredKeys(value: unknown, schema: JsonSchemaNode, path: string): string[] {
  if (Array.isArray(value)) {
    return schema.items === undefined
      ? []
      : value.flatMap((item, index) =>
          undeclaredKeys(item, schema.items as JsonSchemaNode, `${path}[${index}]`),
        );
  }
  if (value === null || typeof value !== 'object' || schema.properties === undefined) return [];
  const properties = schema.properties;
  return Object.entries(value).flatMap(([key, child]) => {
    const childSchema = properties[key];
    return childSchema === undefined
      ? [`${path}.${key}`]
      : undeclaredKeys(child, childSchema, `${path}.${key}`);
  });
}

describe('generated JSON Schemas', () => {
  it.each(Object.entries(generatedSchemaFiles()))(
    '%s is up to date (run `npm run schemas`)',
    (fileName, text) => {
      expect(readFileSync(join(SCHEMAS_DIRECTORY, fileName), 'utf8')).toBe(text);
    },
  );

  it('describes the file a coordinator writes: defaults are optional', () => {
    const schema = projectConfigJsonSchema() as {
      properties: { installations: { items: { required: string[] } } };
    };
    expect(schema.properties.installations.items.required).toEqual([
      'id',
      'name',
      'task',
      'role',
      'resourceKind',
      'metrics',
    ]);
  });

  it('is the schema the example config points its editor to', () => {
    expect(resolve(exampleDirectory, example.$schema)).toBe(
      join(SCHEMAS_DIRECTORY, PROJECT_CONFIG_SCHEMA_FILE),
    );
  });

  it('the example config validates against the zod schema', () => {
    const result = projectConfigSchema.safeParse(example);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('the example config uses only keys the schema declares', () => {
    expect(undeclaredKeys(example, projectConfigJsonSchema() as JsonSchemaNode, '$')).toEqual([]);
  });

  it('rejects a misspelt key instead of dropping it, in zod and in the JSON Schema alike', () => {
    const misspelt = structuredClone(example);
    misspelt.installations[0].modalityofAccess = misspelt.installations[0].modalityOfAccess;
    const result = projectConfigSchema.safeParse(misspelt);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['installations.0', 'Unrecognized key: "modalityofAccess"'],
    ]);
    expect(undeclaredKeys(misspelt, projectConfigJsonSchema() as JsonSchemaNode, '$')).toEqual([
      '$.installations[0].modalityofAccess',
    ]);
  });
});
