import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { apiPaths } from '../../../functions/api/contract';
import { signedReportQuery } from '../../../functions/report/report-link';
import table from '../../../infra/table.json';
import { COORDINATOR, useApiServer } from '../api/api-test-server';

const ROOT = join(__dirname, '../../..');
const AUDIENCE = 'packaging-test.apps.googleusercontent.com';
const REPORT_LINK_SECRET = 'packaging-test-report-link-secret-0123456789';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** CloudFormation as JSON: tests read it field by field. */
// biome-ignore lint/suspicious/noExplicitAny: arbitrary template JSON
type Json = any;

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** The files of a zip archive (stored or deflated), enough to read the packaged bundle and a Word file. */
function zipEntries(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const endOfDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = zip.readUInt16LE(endOfDirectory + 10);
  let offset = zip.readUInt32LE(endOfDirectory + 16);
  for (let index = 0; index < entries; index += 1) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart =
      localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    files.set(entryName, method === 0 ? data : inflateRawSync(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

function readZipEntry(zip: Buffer, name: string): Buffer {
  const data = zipEntries(zip).get(name);
  if (data === undefined) throw new Error(`${name} is not in the package`);
  return data;
}

/** The PNG pictures of a Word file, in name order (word/media/image1.png, ...). */
function pngsOf(docx: Buffer): Buffer[] {
  return [...zipEntries(docx)]
    .filter(([name]) => /^word\/media\/.+\.png$/.test(name))
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([, data]) => data);
}

/**
 * `npx serverless package` (osls) runs offline and without AWS credentials, and the CloudFormation it
 * writes has the table of infra/table.json and a role that can touch that table and its indexes only.
 */
describe('serverless package', () => {
  const out = mkdtempSync(join(tmpdir(), 'va-assess-package-'));
  let template: { Resources: Record<string, { Type: string; Properties: Json }> };

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      OIDC_AUDIENCE: AUDIENCE,
      // Prove that nothing needs credentials: none are reachable.
      AWS_SHARED_CREDENTIALS_FILE: join(out, 'no-credentials'),
      AWS_CONFIG_FILE: join(out, 'no-config'),
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
    };
    await promisify(execFile)('npx', ['serverless', 'package', '--package', out, '--stage', 'test'], {
      cwd: ROOT,
      env,
      timeout: 240_000,
    });
    template = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
  }, 300_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const resourcesOf = (type: string) =>
    Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

  it('creates the one table with the keys of infra/table.json, kept on stack deletion', () => {
    const tables = resourcesOf('AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const [name, resource] = tables[0] as [string, { Properties: Json; DeletionPolicy?: string }];
    expect(name).toBe('EntriesTable');
    expect(resource.Properties.KeySchema).toEqual(table.KeySchema);
    expect(resource.Properties.AttributeDefinitions).toEqual(table.AttributeDefinitions);
    expect(resource.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(resource.DeletionPolicy).toBe('Retain');
  });

  it('grants item-level DynamoDB actions on that table and its indexes only', () => {
    const statements: Statement[] = resourcesOf('AWS::IAM::Role').flatMap(([, role]) =>
      (role.Properties.Policies ?? []).flatMap(
        (policy: { PolicyDocument: { Statement: Statement[] } }) => policy.PolicyDocument.Statement,
      ),
    );
    const dynamo = statements.filter((statement) =>
      [statement.Action].flat().some((action) => action.startsWith('dynamodb:')),
    );
    expect(dynamo).toHaveLength(1);
    const [statement] = dynamo as [Statement];
    const actions = [statement.Action].flat();
    expect(actions).not.toContain('dynamodb:*');
    for (const action of actions) {
      expect(action).toMatch(/^dynamodb:(GetItem|Query|PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/);
    }
    expect(statement.Resource).toEqual([
      { 'Fn::GetAtt': ['EntriesTable', 'Arn'] },
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['EntriesTable', 'Arn'] }, '/index/*']] },
    ]);
    expect(JSON.stringify(statements)).not.toMatch(/"Resource":"\*"|"Resource":\["\*"\]/);
  });

  it('routes every path of an HTTP API to the Lambda adapter, configured for signed tokens', () => {
    const routes = resourcesOf('AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties.RouteKey);
    expect(routes).toEqual(['$default']);
    const [, lambda] = resourcesOf('AWS::Lambda::Function')[0] as [string, { Properties: Json }];
    expect(lambda.Properties.Handler).toBe('functions/api/lambda.handler');
    expect(lambda.Properties.Environment.Variables).toMatchObject({
      TABLE_NAME: { Ref: 'EntriesTable' },
      AUTH_MODE: 'oidc',
      OIDC_AUDIENCE: AUDIENCE,
    });
  });

  /** The packaged handler, run in a fresh Node process from the unzipped bundle alone: no node_modules, no sources. */
  async function invokeBundle(event: object, env: Record<string, string>): Promise<Json> {
    const bundlePath = join(out, 'lambda.js');
    writeFileSync(bundlePath, readZipEntry(readFileSync(join(out, 'api.zip')), 'functions/api/lambda.js'));
    const script =
      `require(${JSON.stringify(bundlePath)}).handler(${JSON.stringify(event)})` +
      '.then((r) => process.stdout.write(JSON.stringify(r)))';
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
      cwd: out,
      env: { PATH: process.env.PATH, OIDC_AUDIENCE: AUDIENCE, AWS_REGION: 'eu-west-1', ...env },
      // A Word report, base64-encoded.
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout);
  }

  it('ships one esbuild bundle that answers /health without node_modules', async () => {
    const result = await invokeBundle(
      { rawPath: '/health', requestContext: { http: { method: 'GET' } } },
      { TABLE_NAME: 't' },
    );
    expect(result).toMatchObject({ statusCode: 200, body: '{"status":"ok"}' });
  });

  describe('with the example project stored in DynamoDB Local', () => {
    const api = useApiServer({ env: { REPORT_LINK_SECRET } });

    /** The Word report's chart pictures, from the running sources (which read resvg and the font from disk). */
    async function chartsFromSources(): Promise<Buffer[]> {
      const response = await fetch(`${api.baseUrl}${apiPaths.report('imagine', 'PY1', 'docx')}`, {
        headers: { authorization: `Bearer ${api.signer.sign({ email: COORDINATOR })}` },
      });
      expect(response.status).toBe(200);
      return pngsOf(Buffer.from(await response.arrayBuffer()));
    }

    it("draws the Word report's chart PNGs in the bundle as the sources do, with the shipped font", async () => {
      await api.seedExample();
      const claims = {
        projectId: 'imagine',
        period: 'PY1',
        format: 'docx' as const,
        expires: Math.floor(Date.now() / 1000) + 600,
      };
      const result = await invokeBundle(
        {
          rawPath: '/v1/projects/imagine/report',
          rawQueryString: signedReportQuery(claims, REPORT_LINK_SECRET),
          requestContext: { http: { method: 'GET' } },
        },
        {
          TABLE_NAME: api.harness.tableName,
          DYNAMODB_ENDPOINT: api.harness.local.endpoint,
          AWS_REGION: 'local',
          REPORT_LINK_SECRET,
        },
      );
      expect(result).toMatchObject({ statusCode: 200, isBase64Encoded: true });
      const charts = pngsOf(Buffer.from(result.body, 'base64'));
      expect(charts.length).toBeGreaterThan(0);
      for (const png of charts) expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      // Same pixels as the sources: a bundle without the font would draw the charts with no text at all.
      expect(charts).toEqual(await chartsFromSources());
    }, 60_000);
  });
});
