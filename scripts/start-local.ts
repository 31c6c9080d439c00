import '../functions/commons/quiet-aws-sdk-node-warning';
import { randomBytes } from 'node:crypto';
/**
 * `npm start`: DynamoDB Local (data under .data/dynamodb, kept across restarts), the table, the iMagine
 * example when the store has no project yet, and the API router served by the Functions Framework on
 * http://localhost:8080 (PORT to change it) in the dev auth mode. Ctrl-C stops both.
 */
import { dirname, isAbsolute, join, relative } from 'node:path';
import { z } from 'zod';
import { buildContainer, type Container } from '../functions/api/container';
import { readExampleProject } from '../functions/api/example-seed';
import { handleApiRequest } from '../functions/api/handle-request';
import { ConfigurationError, type Env, parseEnv } from '../functions/commons/env';
import { apiPaths } from '../functions/contract/contract';
import { createDocumentClient } from '../functions/storage/dynamo-client';
import { ensureTable } from '../functions/storage/ensure-table';
import { type DynamoLocal, JavaMissingError, startDynamoLocal } from '../local/dynamo-local';
import { startPlayground } from '../local/playground/playground-server';
import { serveRouter } from '../local/serve-router';
import {
  LOCAL_SERVICE_ACCOUNT_EMAIL,
  type LocalSheetsApi,
  localAccessToken,
  startLocalSheetsApi,
} from '../local/sheets-api';
import { OrderedShutdown } from './ordered-shutdown';
import { watchStorage } from './watch-storage';

const ROOT = join(__dirname, '..');

/** Settings of the local stack alone (the router's own are in functions/commons/env.ts). */
const localStackSchema = z.object({
  LOCAL_DATA_DIR: z
    .string()
    .min(1)
    .default('.data/dynamodb')
    .transform((folder) => (isAbsolute(folder) ? folder : join(ROOT, folder))),
  DYNAMODB_LOCAL_PORT: z.coerce
    .number({ error: 'DYNAMODB_LOCAL_PORT must be a TCP port number such as 8000' })
    .int()
    .min(1)
    .max(65535)
    .optional(),
  SHEETS_LOCAL_PORT: z.coerce
    .number({ error: 'SHEETS_LOCAL_PORT must be a TCP port number such as 8090' })
    .int()
    .min(1)
    .max(65535)
    .optional(),
});
const EXAMPLE_DIR = join(ROOT, 'examples', 'imagine-py1');

/**
 * Local defaults; anything set in the environment wins (e.g. PORT=9090 npm start). The router gets
 * these settings passed in (its container is built from them), never through process.env.
 */
function localSettings(): Record<string, string | undefined> {
  const defaults = {
    TABLE_NAME: 'va-assess-local',
    AUTH_MODE: 'dev',
    AWS_REGION: 'local',
    HOST: '127.0.0.1',
    // Signs report download links; a fresh key per start, so links from an earlier run stop working.
    REPORT_LINK_SECRET: randomBytes(32).toString('hex'),
    // The example's coordinators' domains may create projects, as a deployment would name its own.
    PROJECT_CREATORS: [
      ...new Set(
        readExampleProject(EXAMPLE_DIR).config.project.coordinators.map((email) =>
          email.slice(email.lastIndexOf('@')),
        ),
      ),
    ].join(','),
  };
  const merged: Record<string, string | undefined> = { ...defaults };
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && value !== '') merged[name] = value;
  }
  return merged;
}

function parseLocalStackEnv(): z.infer<typeof localStackSchema> {
  const parsed = localStackSchema.safeParse({
    LOCAL_DATA_DIR: process.env.LOCAL_DATA_DIR || undefined,
    DYNAMODB_LOCAL_PORT: process.env.DYNAMODB_LOCAL_PORT || undefined,
    SHEETS_LOCAL_PORT: process.env.SHEETS_LOCAL_PORT || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigurationError(
      problems.join('; '),
      parsed.error.issues.map((issue) => issue.path.join('.')),
    );
  }
  return parsed.data;
}

type ApiCall = (method: string, path: string, body?: unknown) => Promise<unknown>;

/** Calls the router in-process as the given coordinator: the same validation and storage as any request. */
function callAsCoordinator(container: Container, coordinator: string): ApiCall {
  const asCoordinator: Container = {
    ...container,
    authenticate: async () => ({ email: coordinator, via: 'dev' }),
  };
  return async (method, path, body) => {
    const [pathname = path, search = ''] = path.split('?');
    const response = await handleApiRequest(
      {
        method,
        path: pathname,
        query: Object.fromEntries(new URLSearchParams(search)),
        headers: { 'content-type': 'application/json' },
        rawBody: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
        remoteAddress: '127.0.0.1',
      },
      () => asCoordinator,
    );
    if (response.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
}

/** Windows whose assessment drafts the example starts with, so its report has every section filled. */
const EXAMPLE_DRAFT_WINDOWS = ['P1', 'P2', 'PY1'];

/**
 * Loads the example unless its project is stored already (config, every metrics.csv cell, drafts of
 * P1, P2 and PY1); says which, and who coordinates the stored project.
 */
async function seedExampleIfEmpty(
  container: Container,
): Promise<{ seeded: string; coordinator: string | undefined }> {
  const example = readExampleProject(EXAMPLE_DIR);
  const projectId = example.config.project.id;
  const stored = await container.configs.load(projectId);
  if (stored !== null) {
    return { seeded: `project "${projectId}" already stored`, coordinator: stored.project.coordinators[0] };
  }
  const send = callAsCoordinator(
    container,
    example.config.project.coordinators[0] ?? 'coordinator@example.org',
  );
  await send('PUT', apiPaths.config(projectId), example.configBody);
  const counts = { accepted: 0, warning: 0, rejected: 0 } as Record<string, number>;
  for (const batch of example.entryBatches) {
    const { outcomes = [] } = (await send('POST', apiPaths.entries(projectId), batch)) as {
      outcomes?: { status: string }[];
    };
    for (const outcome of outcomes) counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
  }
  for (const window of EXAMPLE_DRAFT_WINDOWS) await send('POST', apiPaths.drafts(projectId, window));
  return {
    seeded:
      `loaded ${relative(ROOT, EXAMPLE_DIR)}: ${counts.accepted} accepted, ${counts.warning} with warnings, ` +
      `${counts.rejected} rejected; assessment drafts for ${EXAMPLE_DRAFT_WINDOWS.join(', ')}`,
    coordinator: example.config.project.coordinators[0],
  };
}

const LOCAL_SPREADSHEET_TITLE = 'iMagine – VA assessment (local)';

/**
 * The example's spreadsheet on the local Sheets API: created on the first start, found by title
 * afterwards (the workbook file keeps it), shared with the functions' local service account and
 * bound to the project through the binding store.
 */
async function bindLocalSpreadsheet(
  container: Container,
  sheetsApi: LocalSheetsApi,
  coordinator: string,
): Promise<string> {
  const projectId = readExampleProject(EXAMPLE_DIR).config.project.id;
  const existing = sheetsApi.model
    .list()
    .find((spreadsheet) => spreadsheet.data.properties.title === LOCAL_SPREADSHEET_TITLE);
  const spreadsheetId =
    existing?.id ??
    sheetsApi.createSpreadsheet({
      title: LOCAL_SPREADSHEET_TITLE,
      owner: coordinator,
      sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL],
    });
  sheetsApi.share(spreadsheetId, LOCAL_SERVICE_ACCOUNT_EMAIL);
  // Directly through the store: the operator's own spreadsheet needs no proof (over HTTP a coordinator
  // proves they can edit it, which the add-on does from inside the spreadsheet).
  await container.sheetBindings.bind(projectId, spreadsheetId, coordinator);
  return spreadsheetId;
}

function banner(
  env: Env,
  url: string,
  playgroundUrl: string,
  oidcUrl: string,
  dynamo: DynamoLocal,
  dataDir: string,
  seeded: string,
  coordinator: string,
  sheets: { rootUrl: string; spreadsheetId: string; file: string },
): string {
  const bar = '!'.repeat(78);
  const devWarning =
    env.AUTH_MODE === 'dev'
      ? [
          bar,
          '!!  DEV AUTH MODE: the header "X-Dev-User: <email>" is trusted instead of a Google ID token.',
          `!!  Anyone able to reach ${env.HOST}:${env.PORT} on this machine can act as any user.`,
          '!!  For local use only: Lambda, Cloud Functions and non-loopback hosts refuse AUTH_MODE=dev.',
          bar,
        ]
      : [`Auth: Google ID tokens for audience ${(env.OIDC_AUDIENCE ?? []).join(', ')}`];
  const user =
    env.AUTH_MODE === 'dev' ? `-H 'X-Dev-User: ${coordinator}'` : `-H "Authorization: Bearer $TOKEN"`;
  const partner = env.AUTH_MODE === 'dev' ? `-H 'X-Dev-User: partner@ifca.example.org'` : user;
  const cells =
    '{"cells":[{"installationId":"ifca-cpu","metricId":"countries","periodId":"P2","raw":"FR, SP"}]}';
  return [
    `Playground:      ${playgroundUrl}   (open it in a browser: the example's spreadsheet with the real add-on)`,
    '',
    ...devWarning,
    '',
    `va-assess API:   ${url}   (GET ${url}/health)`,
    `OIDC backend:    ${oidcUrl}   (the playground add-on's: ID tokens, no X-Dev-User)`,
    `                 the acting person's ID token: ${url}/playground/api/identity-token[?audience=...]`,
    `DynamoDB Local:  ${dynamo.endpoint}, table ${env.TABLE_NAME}, data in ${dataDir}/ (kept across restarts)`,
    `Example:         ${seeded}`,
    `Coordinator:     ${coordinator}`,
    `Sheets API:      ${sheets.rootUrl} (local), spreadsheet ${sheets.spreadsheetId}, data in ${sheets.file} (kept across restarts)`,
    `                 request counts: ${sheets.rootUrl}__local/requests`,
    '',
    'Try:',
    `  curl -s ${user} '${url}/v1/projects/imagine/summary?period=PY1'`,
    `  curl -s -X POST ${partner} -H 'Content-Type: application/json' -d '${cells}' ${url}/v1/projects/imagine/entries`,
    `  curl -s ${user} ${url}/v1/projects/imagine/entries/ifca-cpu/countries/P2/history`,
    `  curl -s -X POST ${user} ${url}/v1/projects/imagine/sheet/setup            # then sheet/summary?period=PY1, sheet/assessments?period=PY1`,
    `  curl -s -H 'Authorization: Bearer ${localAccessToken(coordinator)}' '${sheets.rootUrl}v4/spreadsheets/${sheets.spreadsheetId}/values/Metrics'`,
    `  npx va-assess doctor --url ${oidcUrl} --project imagine --token "$(curl -s ${url}/playground/api/identity-token)"`,
    `  curl -s ${user} -o report.docx '${url}/v1/projects/imagine/report?period=PY1&format=docx'   # also html, md`,
    '',
    'Ctrl-C stops the playground, the API, DynamoDB Local and the local Sheets API.',
  ].join('\n');
}

const shown = (path: string): string => (path.startsWith(ROOT) ? relative(ROOT, path) : path);

/** Starts each part and registers how to stop it, so that any failure stops what already runs. */
async function startStack(settings: Record<string, string | undefined>, shutdown: OrderedShutdown) {
  // Parsed before anything starts, so that a bad setting is named before DynamoDB Local runs.
  parseEnv(settings);
  const local = parseLocalStackEnv();
  const dataDir = local.LOCAL_DATA_DIR;
  const dynamo = {
    current: await startDynamoLocal({
      path: dataDir,
      ...(local.DYNAMODB_LOCAL_PORT === undefined ? {} : { port: local.DYNAMODB_LOCAL_PORT }),
    }),
  };
  shutdown.register('DynamoDB Local', () => dynamo.current.stop());
  // The local Sheets API keeps its workbooks beside DynamoDB Local's data (.data/sheets/ by default).
  const sheetsFile = join(dirname(dataDir), 'sheets', 'workbooks.json');
  const sheetsApi = await startLocalSheetsApi({
    host: '127.0.0.1',
    persistFile: sheetsFile,
    ...(local.SHEETS_LOCAL_PORT === undefined ? {} : { port: local.SHEETS_LOCAL_PORT }),
  });
  shutdown.register('Sheets API', () => sheetsApi.close());
  const watch = watchStorage(dynamo, dataDir, shutdown);
  shutdown.register('storage watch', () => clearInterval(watch));

  // The router's container is built from the local settings and the endpoints just started, passed
  // in as the deployed function's comes from its environment.
  const env = parseEnv({
    ...settings,
    DYNAMODB_ENDPOINT: dynamo.current.endpoint,
    SHEETS_API_ROOT_URL: sheetsApi.rootUrl,
  });
  const container = buildContainer(env);
  const doc = createDocumentClient({ endpoint: dynamo.current.endpoint, region: env.AWS_REGION });
  await ensureTable(doc, env.TABLE_NAME);
  doc.destroy();
  const example = await seedExampleIfEmpty(container);
  const coordinator = example.coordinator ?? 'coordinator@imagine.example.org';
  const spreadsheetId = await bindLocalSpreadsheet(container, sheetsApi, coordinator);

  // The playground: the spreadsheet in a browser, the real add-on bundle behind it (its own router in
  // OIDC mode on the same table and Sheets API), served at / beside the API's /v1/... and /health.
  const playground = await startPlayground({
    dynamoEndpoint: dynamo.current.endpoint,
    tableName: env.TABLE_NAME,
    sheetsApi,
    exampleDir: EXAMPLE_DIR,
    spreadsheetId,
    port: false,
    log: (line) => console.error(line),
  });
  shutdown.register('playground', () => playground.close());

  // The Functions Framework's own server (Express, body parsing) around the router, behind the body
  // limit a local server can enforce before the framework buffers anything.
  const router = await serveRouter(() => container, { port: env.PORT, host: env.HOST, beside: playground });
  shutdown.register('API', () => router.close());
  const shownHost = env.HOST === '127.0.0.1' || env.HOST === '::1' ? 'localhost' : env.HOST;
  console.log(
    banner(
      env,
      `http://${shownHost}:${env.PORT}`,
      `http://${shownHost}:${env.PORT}/`,
      playground.stack.oidcBackendUrl,
      dynamo.current,
      shown(dataDir),
      example.seeded,
      coordinator,
      {
        rootUrl: sheetsApi.rootUrl,
        spreadsheetId,
        file: shown(sheetsFile),
      },
    ),
  );
}

async function main(): Promise<void> {
  const shutdown = new OrderedShutdown();
  const stop = async (signal: string) => {
    if (shutdown.stopping) return;
    console.log(`\n${signal}: stopping the API and DynamoDB Local...`);
    await shutdown.stopAll();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    await startStack(localSettings(), shutdown);
  } catch (error) {
    await shutdown.stopAll();
    throw error;
  }
}

main().catch((error: unknown) => {
  const code = (error as { code?: string } | null)?.code;
  if (error instanceof JavaMissingError || error instanceof ConfigurationError) {
    console.error(error.message);
  } else if (code === 'EADDRINUSE') {
    console.error(
      `Port ${process.env.PORT ?? 8080} is already in use on ${process.env.HOST ?? '127.0.0.1'}: stop the other server or start with PORT=8081 npm start.`,
    );
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});
