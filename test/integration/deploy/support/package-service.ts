import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = join(__dirname, '../../../..');

/** CloudFormation as JSON: tests read it field by field. */
// biome-ignore lint/suspicious/noExplicitAny: arbitrary template JSON
export type Json = any;

export interface CfnResource {
  Type: string;
  Properties: Json;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
}

export interface Template {
  Resources: Record<string, CfnResource>;
}

export interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

export interface PackagedService {
  /** The folder holding the template and api.zip. */
  dir: string;
  template: Template;
  /** The template file's text, as CloudFormation would receive it. */
  templateText: string;
}

/**
 * `npx serverless package` (osls), offline and without AWS credentials: none are reachable, so the
 * test also proves that packaging needs none. `env` is the deployer's environment (OIDC_AUDIENCE, ...).
 */
export async function packageService(env: Record<string, string>): Promise<PackagedService> {
  const dir = mkdtempSync(join(tmpdir(), 'va-assess-package-'));
  await promisify(execFile)('npx', ['serverless', 'package', '--package', dir, '--stage', 'test'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
      AWS_CONFIG_FILE: join(dir, 'no-config'),
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
      ...env,
    },
    timeout: 240_000,
  });
  const templateText = readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8');
  return { dir, template: JSON.parse(templateText), templateText };
}

/** Every statement of every inline policy of every role in the template. */
export function roleStatements(template: Template): PolicyStatement[] {
  return Object.values(template.Resources)
    .filter((resource) => resource.Type === 'AWS::IAM::Role')
    .flatMap((role) =>
      (role.Properties.Policies ?? []).flatMap(
        (policy: { PolicyDocument: { Statement: PolicyStatement[] } }) => policy.PolicyDocument.Statement,
      ),
    );
}

export const actionsOf = (statement: PolicyStatement): string[] => [statement.Action].flat();
