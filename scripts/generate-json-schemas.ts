import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectConfigSchema } from '../functions/domain/config';

/**
 * JSON Schemas generated from the zod schemas, so editors can check and complete a coordinator's
 * config.json ("$schema": "../../schemas/project-config.schema.json"). The zod schemas stay the
 * single source of truth: a unit test regenerates these in memory and fails when the committed
 * files drift. Run `npm run schemas` after changing a schema in functions/domain/config/.
 */

export const SCHEMAS_DIRECTORY = join(__dirname, '..', 'schemas');

export const PROJECT_CONFIG_SCHEMA_FILE = 'project-config.schema.json';

/**
 * The schema of the file a coordinator writes: the zod *input* (defaults are optional, emails
 * before lower-casing). Cross-field rules (unknown budget ids, duplicate ids, countOf) are
 * superRefine checks that JSON Schema cannot express; the zod parse still enforces them.
 */
export function projectConfigJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(projectConfigSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'throw',
  });
  return {
    ...generated,
    title: 'va-assess project configuration',
    description:
      'A Virtual Access project: calendar, budgets, installations and their metric definitions. Generated from functions/domain/config by `npm run schemas`; do not edit.',
  };
}

/** Pretty, with a final newline, so the committed file diffs line by line. */
export function renderJsonSchema(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export function generatedSchemaFiles(): Record<string, string> {
  return { [PROJECT_CONFIG_SCHEMA_FILE]: renderJsonSchema(projectConfigJsonSchema()) };
}

if (require.main === module) {
  for (const [fileName, text] of Object.entries(generatedSchemaFiles())) {
    const path = join(SCHEMAS_DIRECTORY, fileName);
    writeFileSync(path, text, 'utf8');
    console.log(`wrote ${path}`);
  }
}
