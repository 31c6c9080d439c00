/**
 * `npm run bench:sheets`: Sheets API requests per write-back (setup, summary, assessments, report) for the
 * D4.2 example and for a project of 200 installations, through the real router, the real
 * @googleapis/sheets client and the local Sheets API, on DynamoDB Local. Each operation must stay one
 * read and at most one batchUpdate whatever the number of installations (the per-minute write quota).
 */
import '../functions/commons/quiet-aws-sdk-node-warning';
import { randomBytes, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { buildContainer } from '../functions/api/container';
import { parseEnv } from '../functions/commons/env';
import { apiPaths, MAX_CELLS_PER_REQUEST } from '../functions/contract/contract';
import type { ProjectConfig } from '../functions/domain/config/project-config-schema';
import type { RawEntry } from '../functions/domain/entries/entry';
import { SheetsGateway } from '../functions/sheets/client/sheets-gateway';
import { DEFAULT_RETRY } from '../functions/sheets/client/sheets-retry';
import { createDocumentClient } from '../functions/storage/dynamo-client';
import { ensureTable } from '../functions/storage/ensure-table';
import { startDynamoLocal } from '../local/dynamo-local';
import { serveRouter } from '../local/serve-router';
import { LOCAL_SERVICE_ACCOUNT_EMAIL, startLocalSheetsApi } from '../local/sheets-api';
import { syntheticProject } from './synthetic-project';

const COORDINATOR = 'coordinator@imagine.example.org';
/** After PY1, as when the D4.2 report was written: the Metrics tab has P1..P3. */
const NOW = DateTime.fromISO('2023-10-02T09:00:00', { zone: 'Europe/Amsterdam' });
const OPERATIONS = [
  ['setup', (id: string) => apiPaths.sheetSetup(id)],
  ['setup again', (id: string) => apiPaths.sheetSetup(id)],
  ['summary PY1', (id: string) => apiPaths.sheetSummary(id, 'PY1')],
  ['assessments PY1', (id: string) => apiPaths.sheetAssessments(id, 'PY1')],
  ['report PY1', (id: string) => apiPaths.sheetReport(id, 'PY1', 'docx')],
] as const;

function project(installations: number): { config: ProjectConfig; entries: RawEntry[] } {
  const copies = Math.ceil(installations / 11);
  const { config, entries } = syntheticProject(copies);
  const kept = config.installations.slice(0, installations);
  const ids = new Set(kept.map((installation) => installation.id));
  return {
    config: { ...config, installations: kept },
    entries: entries.filter((entry) => ids.has(entry.installationId)),
  };
}

async function main(): Promise<void> {
  const dynamo = await startDynamoLocal();
  const sheetsApi = await startLocalSheetsApi();
  const doc = createDocumentClient({ endpoint: dynamo.endpoint, region: 'local' });
  try {
    console.log('Sheets API requests per write-back (local Sheets API, real @googleapis/sheets client)\n');
    console.log(
      'project            installations  operation         spreadsheets.get  batchUpdate  requests in it  ms',
    );
    for (const size of [11, 200]) {
      const { config, entries } = project(size);
      const tableName = `bench-sheets-${randomUUID()}`;
      await ensureTable(doc, tableName);
      const env = parseEnv({
        TABLE_NAME: tableName,
        AWS_REGION: 'local',
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        AUTH_MODE: 'dev',
        HOST: '127.0.0.1',
        // The report write-back ends with a signed download link.
        REPORT_LINK_SECRET: randomBytes(32).toString('hex'),
      });
      const container = buildContainer(env, {
        doc,
        now: () => NOW,
        log: (line) => console.error(line),
        sheets: () =>
          new SheetsGateway({ rootUrl: sheetsApi.rootUrl, retry: { ...DEFAULT_RETRY, budgetMs: 20_000 } }),
      });
      const api = await serveRouter(() => container);
      const call = async (method: string, path: string, body?: unknown) => {
        const answer = await fetch(`${api.url}${path}`, {
          method,
          headers: { 'x-dev-user': COORDINATOR, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const json = (await answer.json()) as Record<string, unknown>;
        if (answer.status >= 300)
          throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(json)}`);
        return json;
      };
      try {
        const id = config.project.id;
        await call('PUT', apiPaths.config(id), config);
        for (let start = 0; start < entries.length; start += MAX_CELLS_PER_REQUEST) {
          const cells = entries.slice(start, start + MAX_CELLS_PER_REQUEST).map((entry) => ({
            installationId: entry.installationId,
            metricId: entry.metricId,
            periodId: entry.periodId,
            raw: entry.raw,
          }));
          await call('POST', apiPaths.entries(id), { cells });
        }
        const spreadsheetId = sheetsApi.createSpreadsheet({
          title: `bench ${size}`,
          owner: COORDINATOR,
          sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL],
        });
        await call('PUT', apiPaths.sheet(id), { spreadsheetId });
        for (const [operation, path] of OPERATIONS) {
          sheetsApi.resetCounts();
          const started = performance.now();
          const answer = await call('POST', path(id));
          const elapsed = performance.now() - started;
          const counts = sheetsApi.requestCounts();
          console.log(
            [
              (size === 11 ? 'D4.2 example' : 'synthetic').padEnd(18),
              String(config.installations.length).padStart(13),
              `  ${operation.padEnd(16)}`,
              String(counts['spreadsheets.get'] ?? 0).padStart(17),
              String(counts['spreadsheets.batchUpdate'] ?? 0).padStart(12),
              String(answer.requests).padStart(15),
              String(Math.round(elapsed)).padStart(6),
            ].join(' '),
          );
        }
      } finally {
        await api.close();
      }
    }
    console.log(
      '\n"setup again" finds nothing to change: no batchUpdate is sent (Google refuses an empty one).',
    );
  } finally {
    doc.destroy();
    await sheetsApi.close();
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
