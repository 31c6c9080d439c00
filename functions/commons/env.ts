import { z } from 'zod';

/** A deployment or start-up setting is missing or wrong; the message names the variable. */
export class ConfigurationError extends Error {
  constructor(
    message: string,
    readonly variables: string[],
  ) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

export const AUTH_MODES = ['oidc', 'dev'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** Addresses the dev mode may listen on: nothing another machine can reach. */
export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;

const commaList = z.string().transform((text) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

const blankAsUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * A service account key (JSON) given as the variable's value, e.g. resolved from a secret at deploy.
 * Messages never quote the value: it is a credential.
 */
export const serviceAccountKeySchema = z.string().transform((text, ctx) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'SHEETS_SERVICE_ACCOUNT_KEY must be a service account key in JSON',
    });
    return z.NEVER;
  }
  const key = parsed as { client_email?: unknown; private_key?: unknown } | null;
  if (typeof key?.client_email !== 'string' || typeof key.private_key !== 'string') {
    ctx.addIssue({
      code: 'custom',
      message: 'SHEETS_SERVICE_ACCOUNT_KEY must hold a service account key with client_email and private_key',
    });
    return z.NEVER;
  }
  return parsed as { client_email: string; private_key: string; [field: string]: unknown };
});

export const reportLinkSecretSchema = z
  .string()
  .min(32, 'REPORT_LINK_SECRET must be at least 32 characters, e.g. the output of `openssl rand -hex 32`');

/** A Secrets Manager secret's complete ARN, e.g. arn:aws:secretsmanager:eu-west-1:123456789012:secret:name-AbCdEf. */
export const SECRET_ARN_PATTERN =
  /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):\d{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}$/;

const secretArnSchema = (variable: string) =>
  z
    .string()
    .regex(
      SECRET_ARN_PATTERN,
      `${variable} must be the complete ARN of a Secrets Manager secret, such as arn:aws:secretsmanager:eu-west-1:123456789012:secret:va-assess/report-link-AbCdEf`,
    );

/** Each secret and the variable naming it in Secrets Manager: one or the other, never both. */
export const SECRET_BY_ARN = [
  ['REPORT_LINK_SECRET', 'REPORT_LINK_SECRET_ARN'],
  ['SHEETS_SERVICE_ACCOUNT_KEY', 'SHEETS_SERVICE_ACCOUNT_KEY_ARN'],
] as const;

/**
 * Who may create a project over the API: e-mail addresses and "@domain" entries, comma-separated.
 * Unset, nobody can (projects are then created by an operator, e.g. the local stack's seed).
 */
const CREATOR_ENTRY = /^([^@\s]+@|@)[^@\s.]+(\.[^@\s.]+)+$/;
const projectCreatorsSchema = commaList.transform((entries, ctx) => {
  for (const entry of entries.filter((candidate) => !CREATOR_ENTRY.test(candidate))) {
    ctx.addIssue({
      code: 'custom',
      message: `found "${entry}", expected e-mail addresses or "@domain" entries separated by commas, e.g. "jane@uni.example,@institute.example"`,
    });
  }
  return entries.map((entry) => entry.toLowerCase());
});

const envSchema = z
  .object({
    TABLE_NAME: z.preprocess(
      blankAsUndefined,
      z.string({ error: 'TABLE_NAME is required: the DynamoDB table name, e.g. "va-assess-dev"' }).min(1),
    ),
    AWS_REGION: z.preprocess(blankAsUndefined, z.string().min(1).default('eu-west-1')),
    DYNAMODB_ENDPOINT: z.preprocess(
      blankAsUndefined,
      z.url({ error: 'DYNAMODB_ENDPOINT must be a URL such as http://127.0.0.1:8000' }).optional(),
    ),
    AUTH_MODE: z.preprocess(
      blankAsUndefined,
      z.enum(AUTH_MODES, { error: 'AUTH_MODE must be "oidc" (the default) or "dev"' }).default('oidc'),
    ),
    OIDC_AUDIENCE: z.preprocess(blankAsUndefined, commaList.optional()),
    ALLOWED_ISSUERS: z.preprocess(
      blankAsUndefined,
      commaList.default(['accounts.google.com', 'https://accounts.google.com']),
    ),
    HOST: z.preprocess(blankAsUndefined, z.string().min(1).default('127.0.0.1')),
    PORT: z.preprocess(
      blankAsUndefined,
      z.coerce
        .number({ error: 'PORT must be a TCP port number such as 8080' })
        .int()
        .min(0)
        .max(65535)
        .default(8080),
    ),
    REPORT_LINK_SECRET: z.preprocess(blankAsUndefined, reportLinkSecretSchema.optional()),
    // AWS: the secrets by reference, read from Secrets Manager at cold start (functions/commons/secrets.ts).
    REPORT_LINK_SECRET_ARN: z.preprocess(
      blankAsUndefined,
      secretArnSchema('REPORT_LINK_SECRET_ARN').optional(),
    ),
    SHEETS_SERVICE_ACCOUNT_KEY_ARN: z.preprocess(
      blankAsUndefined,
      secretArnSchema('SHEETS_SERVICE_ACCOUNT_KEY_ARN').optional(),
    ),
    SECRETS_MANAGER_ENDPOINT: z.preprocess(
      blankAsUndefined,
      z.url({ error: 'SECRETS_MANAGER_ENDPOINT must be a URL such as http://127.0.0.1:8091' }).optional(),
    ),
    REPORT_LINK_TTL_SECONDS: z.preprocess(
      blankAsUndefined,
      z.coerce
        .number({ error: 'REPORT_LINK_TTL_SECONDS must be a number of seconds such as 600' })
        .int()
        .min(30)
        .max(86_400)
        .default(600),
    ),
    PUBLIC_BASE_URL: z.preprocess(
      blankAsUndefined,
      z.url({ error: 'PUBLIC_BASE_URL must be a URL such as https://api.example.org' }).optional(),
    ),
    SHEETS_API_ROOT_URL: z.preprocess(
      blankAsUndefined,
      z.url({ error: 'SHEETS_API_ROOT_URL must be a URL such as http://127.0.0.1:8090/' }).optional(),
    ),
    SHEETS_SERVICE_ACCOUNT_KEY: z.preprocess(blankAsUndefined, serviceAccountKeySchema.optional()),
    SHEETS_SERVICE_ACCOUNT_EMAIL: z.preprocess(
      blankAsUndefined,
      z.email({ error: 'SHEETS_SERVICE_ACCOUNT_EMAIL must be an e-mail address' }).optional(),
    ),
    SHEETS_RETRY_BUDGET_MS: z.preprocess(
      blankAsUndefined,
      z.coerce
        .number({ error: 'SHEETS_RETRY_BUDGET_MS must be a number of milliseconds such as 20000' })
        .int()
        .min(0)
        .max(25_000, "SHEETS_RETRY_BUDGET_MS must leave room within API Gateway's 29 s: at most 25000")
        .default(20_000),
    ),
    RECENT_CELLS_MS: z.preprocess(
      blankAsUndefined,
      z.coerce
        .number({ error: 'RECENT_CELLS_MS must be a number of milliseconds such as 1000' })
        .int()
        .min(0)
        .max(
          10_000,
          'RECENT_CELLS_MS must be at most 10000: a longer window lets warnings quote older values',
        )
        .default(1000),
    ),
    PROJECT_CREATORS: z.preprocess(blankAsUndefined, projectCreatorsSchema.default([])),
    // Set by the platforms themselves; read only to refuse the dev mode there.
    AWS_LAMBDA_FUNCTION_NAME: z.string().optional(),
    K_SERVICE: z.string().optional(),
    FUNCTION_TARGET: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_MODE === 'oidc' && (env.OIDC_AUDIENCE ?? []).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_AUDIENCE'],
        message:
          'OIDC_AUDIENCE is required when AUTH_MODE=oidc: the OAuth client id of the Apps Script add-on (the audience of its identity tokens)',
      });
    }
    const platform =
      env.AWS_LAMBDA_FUNCTION_NAME !== undefined
        ? 'AWS Lambda (AWS_LAMBDA_FUNCTION_NAME is set)'
        : env.K_SERVICE !== undefined || env.FUNCTION_TARGET !== undefined
          ? 'Google Cloud Functions (K_SERVICE or FUNCTION_TARGET is set)'
          : undefined;
    for (const [secret, arn] of SECRET_BY_ARN) {
      if (env[secret] !== undefined && env[arn] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [arn],
          message: `${secret} and ${arn} are both set: keep one (on AWS the ARN, so the value is never in the function's configuration)`,
        });
      }
    }
    if (platform !== undefined && env.SECRETS_MANAGER_ENDPOINT !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['SECRETS_MANAGER_ENDPOINT'],
        message: `SECRETS_MANAGER_ENDPOINT points the functions at a local Secrets Manager and is refused on ${platform}; unset it to reach AWS's`,
      });
    }
    // Only the Lambda handler reads the ARNs; Cloud Run injects the values itself (--set-secrets).
    if (env.K_SERVICE !== undefined || env.FUNCTION_TARGET !== undefined) {
      for (const [secret, arn] of SECRET_BY_ARN) {
        if (env[arn] === undefined) continue;
        ctx.addIssue({
          code: 'custom',
          path: [arn],
          message: `${arn} is read on AWS Lambda only; on Google Cloud Functions give ${secret} with gcloud --set-secrets`,
        });
      }
    }
    // The local Sheets API names its caller with an unsigned "local:<email>" token: never on a platform.
    if (platform !== undefined && env.SHEETS_API_ROOT_URL !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['SHEETS_API_ROOT_URL'],
        message: `SHEETS_API_ROOT_URL points the functions at a local Sheets API and is refused on ${platform}; unset it to reach Google's`,
      });
    }
    if (env.AUTH_MODE !== 'dev') return;
    if (platform !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_MODE'],
        message: `AUTH_MODE=dev trusts an X-Dev-User header instead of a signed token and is refused on ${platform}; use AUTH_MODE=oidc`,
      });
    }
    if (!(LOOPBACK_HOSTS as readonly string[]).includes(env.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message: `AUTH_MODE=dev listens on loopback only (127.0.0.1 or ::1), found HOST=${env.HOST}`,
      });
    }
  });

export type Env = z.infer<typeof envSchema>;
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** Parses and checks the environment; throws a ConfigurationError naming every wrong variable. */
export function parseEnv(source: EnvSource = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const variables = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '?')))];
  const lines = parsed.error.issues.map((issue) => `  - ${String(issue.path[0] ?? '?')}: ${issue.message}`);
  throw new ConfigurationError(`Invalid configuration:\n${lines.join('\n')}`, variables);
}

let cached: Env | undefined;

/** The environment of this process, parsed once; every later call returns the same object. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
