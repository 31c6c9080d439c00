import { join } from 'node:path';
import { DateTime } from 'luxon';
import { buildContainer, type Container, type ContainerOverrides } from '../../../functions/api/container';
import { type ExampleProject, readExampleProject } from '../../../functions/api/example-seed';
import { parseEnv } from '../../../functions/commons/env';
import { apiPaths } from '../../../functions/contract/contract';
import { type ServedRouter, serveRouter } from '../../../local/serve-router';
import { type DynamoHarness, useDynamoLocal } from '../support/dynamo-local-harness';
import { createTestSigner, TEST_AUDIENCE, type TestSigner } from '../support/sign-test-token';

export const EXAMPLE = readExampleProject(join(__dirname, '../../../examples/imagine-py1'));
export const COORDINATOR = 'coordinator@imagine.example.org';
export const IFCA = 'partner@ifca.example.org';
export const INCD = 'partner@incd.example.org';
/** After the end of PY1, as when the D4.2 report was written. */
export const NOW = DateTime.fromISO('2023-10-02T09:00:00', { zone: 'Europe/Amsterdam' });

export interface CallOptions {
  /** Signs a valid token for this e-mail. */
  as?: string;
  token?: string;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is a string already. */
  body?: unknown;
}

export interface ApiResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers field by field
  body: any;
}

export interface ApiServer {
  readonly harness: DynamoHarness;
  readonly signer: TestSigner;
  readonly container: Container;
  readonly baseUrl: string;
  call(method: string, path: string, options?: CallOptions): Promise<ApiResult>;
  /** Stores the example's config and every metrics.csv cell through the API, as the coordinator. */
  seedExample(example?: ExampleProject): Promise<void>;
}

export type Caller = (method: string, path: string, options?: CallOptions) => Promise<ApiResult>;

/** fetch against the server, signing a valid token for `options.as`. */
export function apiCaller(baseUrl: () => string, signer: TestSigner): Caller {
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    const token =
      options.token ?? (options.as === undefined ? undefined : signer.sign({ email: options.as }));
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl()}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: the test sees the text.
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
}

/** Stores an example's config and every metrics.csv cell through the API, as its coordinator. */
export async function seedThroughApi(call: Caller, example: ExampleProject = EXAMPLE): Promise<void> {
  const id = example.config.project.id;
  const put = await call('PUT', apiPaths.config(id), { as: COORDINATOR, body: example.configBody });
  if (put.status !== 201 && put.status !== 200) throw new Error(`seed config: ${JSON.stringify(put.body)}`);
  for (const batch of example.entryBatches) {
    const posted = await call('POST', apiPaths.entries(id), { as: COORDINATOR, body: batch });
    if (posted.status !== 200) throw new Error(`seed entries: ${JSON.stringify(posted.body)}`);
  }
}

/** A container on DynamoDB Local with the tests' keys, clock and a silent log. */
export function testContainer(
  endpoint: string,
  tableName: string,
  signer: TestSigner,
  authMode: 'oidc' | 'dev' = 'oidc',
  extraEnv: Readonly<Record<string, string>> = {},
  overrides: ContainerOverrides = {},
) {
  const env = parseEnv({
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    AWS_REGION: 'local',
    AUTH_MODE: authMode,
    // As the local stack: the example's coordinators may create projects.
    PROJECT_CREATORS: '@imagine.example.org',
    ...extraEnv,
    OIDC_AUDIENCE: TEST_AUDIENCE,
  });
  return buildContainer(env, {
    signingKeys: async () => signer.publicKeys,
    now: () => NOW,
    log: () => undefined,
    ...overrides,
  });
}

/** The router in front of a fresh DynamoDB Local table per test, with the tests' own signing keys. */
export function useApiServer(
  settings: {
    authMode?: 'oidc' | 'dev';
    env?: Readonly<Record<string, string>>;
    /** Built before each test, e.g. a Sheets gateway pointed at a local Sheets API started in beforeAll. */
    overrides?: () => ContainerOverrides;
  } = {},
): ApiServer {
  const harness = useDynamoLocal();
  const signer = createTestSigner();
  let container: Container | undefined;
  let listening: ServedRouter | undefined;

  beforeAll(async () => {
    listening = await serveRouter(() => {
      if (container === undefined) throw new Error('no container outside a test');
      return container;
    });
  });

  beforeEach(() => {
    container = testContainer(
      harness.local.endpoint,
      harness.tableName,
      signer,
      settings.authMode,
      settings.env,
      settings.overrides?.(),
    );
  });

  afterAll(async () => {
    await listening?.close();
  });

  const call = apiCaller(() => listening?.url ?? '', signer);

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only available inside a test`);
    return value;
  };

  return {
    harness,
    signer,
    get container() {
      return need(container, 'container');
    },
    get baseUrl() {
      return listening?.url ?? '';
    },
    call,
    seedExample: (example = EXAMPLE) => seedThroughApi(call, example),
  };
}
