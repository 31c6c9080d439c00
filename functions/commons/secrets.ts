import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  ConfigurationError,
  type Env,
  reportLinkSecretSchema,
  SECRET_ARN_PATTERN,
  serviceAccountKeySchema,
} from './env';

/** Reads a secret's text by its ARN. */
export type SecretReader = (arn: string) => Promise<string>;

/** Errors that say the ARN, the secret or the role is wrong, not that AWS is busy: told as configuration. */
const CONFIGURATION_ERRORS = new Set([
  'ResourceNotFoundException',
  'AccessDeniedException',
  'AccessDeniedError',
  'DecryptionFailure',
  'InvalidParameterException',
  'InvalidRequestException',
  'UnrecognizedClientException',
]);

/** A secret that exists but holds what no variable could use. */
class SecretUnusable extends Error {}

/**
 * GetSecretValue against AWS Secrets Manager in the secret's own region (its ARN says which), or
 * against a local stand-in at `endpoint` (local/secrets-manager) with fixed dummy keys.
 */
export function secretsManagerReader(endpoint?: string): SecretReader {
  const clients = new Map<string, SecretsManagerClient>();
  return async (arn) => {
    const region = SECRET_ARN_PATTERN.exec(arn)?.[1] ?? 'us-east-1';
    let client = clients.get(region);
    if (client === undefined) {
      client = new SecretsManagerClient({
        region,
        maxAttempts: 3,
        ...(endpoint === undefined
          ? {}
          : { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
      });
      clients.set(region, client);
    }
    const answer = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    if (answer.SecretString === undefined) {
      throw new SecretUnusable('it holds binary data (SecretBinary): store the value as text (SecretString)');
    }
    return answer.SecretString;
  };
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { name?: string }).name : undefined;
}

/** The secret's text, or a ConfigurationError naming the variable; transient failures are thrown as they are. */
async function readSecret(read: SecretReader, variable: string, arn: string): Promise<string> {
  try {
    return await read(arn);
  } catch (error) {
    const name = errorName(error);
    if (error instanceof SecretUnusable || (name !== undefined && CONFIGURATION_ERRORS.has(name))) {
      const reason = error instanceof SecretUnusable ? error.message : `Secrets Manager answered ${name}`;
      const detail = error instanceof Error && !(error instanceof SecretUnusable) ? `: ${error.message}` : '';
      throw new ConfigurationError(`${variable}: the secret ${arn} cannot be used, ${reason}${detail}`, [
        variable,
      ]);
    }
    throw error;
  }
}

/** The message of a value the variable's own schema refused; never the value itself (it is a secret). */
function refused(variable: string, arn: string, issues: readonly { message: string }[]): ConfigurationError {
  const reasons = issues.map((issue) => issue.message).join('; ');
  return new ConfigurationError(`${variable}: the secret ${arn} holds an unusable value (${reasons})`, [
    variable,
  ]);
}

/**
 * The environment with the secrets its *_ARN variables name read from Secrets Manager and checked as
 * the plain variables would be. On AWS this runs once per cold start, so a value never has to be a
 * literal in a template or a console-visible variable. Without ARNs the environment comes back as is.
 */
export async function withSecretsFromArns(
  env: Env,
  read: SecretReader = secretsManagerReader(env.SECRETS_MANAGER_ENDPOINT),
): Promise<Env> {
  const [reportLink, serviceAccountKey] = await Promise.all([
    env.REPORT_LINK_SECRET_ARN === undefined
      ? undefined
      : readSecret(read, 'REPORT_LINK_SECRET_ARN', env.REPORT_LINK_SECRET_ARN),
    env.SHEETS_SERVICE_ACCOUNT_KEY_ARN === undefined
      ? undefined
      : readSecret(read, 'SHEETS_SERVICE_ACCOUNT_KEY_ARN', env.SHEETS_SERVICE_ACCOUNT_KEY_ARN),
  ]);
  let resolved = env;
  if (reportLink !== undefined && env.REPORT_LINK_SECRET_ARN !== undefined) {
    const parsed = reportLinkSecretSchema.safeParse(reportLink);
    if (!parsed.success)
      throw refused('REPORT_LINK_SECRET_ARN', env.REPORT_LINK_SECRET_ARN, parsed.error.issues);
    resolved = { ...resolved, REPORT_LINK_SECRET: parsed.data };
  }
  if (serviceAccountKey !== undefined && env.SHEETS_SERVICE_ACCOUNT_KEY_ARN !== undefined) {
    const parsed = serviceAccountKeySchema.safeParse(serviceAccountKey);
    if (!parsed.success) {
      throw refused(
        'SHEETS_SERVICE_ACCOUNT_KEY_ARN',
        env.SHEETS_SERVICE_ACCOUNT_KEY_ARN,
        parsed.error.issues,
      );
    }
    resolved = { ...resolved, SHEETS_SERVICE_ACCOUNT_KEY: parsed.data };
  }
  return resolved;
}
