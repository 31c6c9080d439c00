import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { apiPaths } from '../../../functions/contract/contract';
import { signedReportQuery } from '../../../functions/report/report-link';
import table from '../../../infra/table.json';
import {
  type LocalSecretsManager,
  startLocalSecretsManager,
} from '../../../local/secrets-manager/local-secrets-manager';
import { COORDINATOR, useApiServer } from '../api/api-test-server';
import {
  actionsOf,
  type Json,
  type PackagedService,
  type PolicyStatement,
  packageService,
  roleStatements,
  type Template,
} from './support/package-service';
import { LAMBDA_BUNDLE, readZipEntry, zipEntries } from './support/zip-entries';

const AUDIENCE = 'packaging-test.apps.googleusercontent.com';
const REPORT_LINK_SECRET = 'packaging-test-report-link-secret-0123456789';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG pictures of a Word file, in name order (word/media/image1.png, ...). */
function pngsOf(docx: Buffer): Buffer[] {
  return [...zipEntries(docx)]
    .filter(([name]) => /^word\/media\/.+\.png$/.test(name))
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([, data]) => data);
}

/** cfn-lint from the Python package index, when installed (.ci/run installs it); its version, or undefined. */
function cfnLintVersion(): string | undefined {
  try {
    return execFileSync('cfn-lint', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** The resources a resource names through Ref or Fn::GetAtt (its properties and condition). */
function referencesOf(value: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencesOf(item, names);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') names.add(inner);
      else if (key === 'Fn::GetAtt')
        names.add(Array.isArray(inner) ? String(inner[0]) : (String(inner).split('.')[0] ?? ''));
      else referencesOf(inner, names);
    }
  }
  return names;
}

const SECRET_ARNS = {
  REPORT_LINK_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:va-assess/report-link-AbCdEf',
  SHEETS_SERVICE_ACCOUNT_KEY_ARN:
    'arn:aws:secretsmanager:eu-west-1:000000000000:secret:va-assess/sheets-key-GhIjKl',
};
/** Set in the deployer's environment: the template must hold neither, whatever serverless.yml does with them. */
const SERVICE_ACCOUNT_PRIVATE_KEY = 'packaging-test-private-key-material-9f8e7d6c5b4a';
const SERVICE_ACCOUNT_KEY = JSON.stringify({
  type: 'service_account',
  client_email: 'packaging-test@example.iam.gserviceaccount.com',
  private_key: SERVICE_ACCOUNT_PRIVATE_KEY,
});

/**
 * `npx serverless package` (osls) runs offline and without AWS credentials, and the CloudFormation it
 * writes has the table of infra/table.json, a role that can touch that table and read the two named
 * secrets only, and no secret value, even with the secrets in the deployer's environment.
 */
describe('serverless package', () => {
  let packaged: PackagedService;
  let template: Template;
  let out: string;

  beforeAll(async () => {
    packaged = await packageService({
      OIDC_AUDIENCE: AUDIENCE,
      PROJECT_CREATORS: 'jane@uni.example,@institute.example',
      REPORT_LINK_SECRET,
      SHEETS_SERVICE_ACCOUNT_KEY: SERVICE_ACCOUNT_KEY,
      ...SECRET_ARNS,
    });
    template = packaged.template;
    out = packaged.dir;
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

  // Which DynamoDB actions, exactly, is checked against the suite's traffic by
  // dynamo-iam-from-traffic.iam-test.ts (the second jest pass); this checks the shape.
  it('grants item-level DynamoDB actions on that table only, and reads only the named secrets', () => {
    const statements = roleStatements(template);
    const dynamo = statements.filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
    );
    expect(dynamo).toHaveLength(1);
    const [statement] = dynamo as [PolicyStatement];
    expect(actionsOf(statement)).not.toContain('dynamodb:*');
    expect(statement.Resource).toEqual([{ 'Fn::GetAtt': ['EntriesTable', 'Arn'] }]);
    const secrets = statements.filter((candidate) =>
      actionsOf(candidate).some((action) => action.startsWith('secretsmanager:')),
    );
    expect(secrets).toEqual([
      {
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: [SECRET_ARNS.REPORT_LINK_SECRET_ARN, SECRET_ARNS.SHEETS_SERVICE_ACCOUNT_KEY_ARN],
      },
    ]);
    expect(JSON.stringify(statements)).not.toMatch(/"Resource":"\*"|"Resource":\["\*"\]/);
  });

  it('holds neither secret value, only their ARNs, though both are in the environment it was packaged in', () => {
    for (const file of ['cloudformation-template-update-stack.json', 'serverless-state.json']) {
      const text = readFileSync(join(out, file), 'utf8');
      expect(text).not.toContain(REPORT_LINK_SECRET);
      expect(text).not.toContain(SERVICE_ACCOUNT_PRIVATE_KEY);
    }
    const [, lambda] = resourcesOf('AWS::Lambda::Function')[0] as [string, { Properties: Json }];
    const variables = lambda.Properties.Environment.Variables;
    expect(variables).toMatchObject(SECRET_ARNS);
    expect(Object.keys(variables)).not.toContain('REPORT_LINK_SECRET');
    expect(Object.keys(variables)).not.toContain('SHEETS_SERVICE_ACCOUNT_KEY');
  });

  it('has no DependsOn that a Ref or Fn::GetAtt of the same resource already enforces (cfn-lint W3005)', () => {
    const obsolete = Object.entries(template.Resources).flatMap(([name, resource]) => {
      const referenced = referencesOf({
        Properties: resource.Properties,
        Condition: (resource as Json).Condition,
      });
      return [resource.DependsOn ?? []]
        .flat()
        .filter((dependency) => referenced.has(dependency))
        .map((dependency) => `${name} -> ${dependency}`);
    });
    expect(obsolete).toEqual([]);
  });

  const cfnLint = cfnLintVersion();
  (cfnLint === undefined ? it.skip : it)(
    cfnLint === undefined
      ? 'cfn-lint: SKIPPED, cfn-lint is not installed (pip install cfn-lint; .ci/run does)'
      : `cfn-lint (${cfnLint}) finds no error and no warning in the template`,
    async () => {
      const template = join(out, 'cloudformation-template-update-stack.json');
      // cfn-lint exits non-zero when it finds anything; its findings are the JSON it prints either way.
      const findings = await promisify(execFile)('cfn-lint', ['--format', 'json', '--', template], {
        maxBuffer: 16 * 1024 * 1024,
      }).then(
        ({ stdout }) => stdout,
        (error: { stdout?: string }) => error.stdout ?? String(error),
      );
      const parsed = JSON.parse(findings.trim() === '' ? '[]' : findings) as {
        Rule: { Id: string };
        Message: string;
      }[];
      expect(parsed.map((finding) => `${finding.Rule.Id}: ${finding.Message}`)).toEqual([]);
    },
    120_000,
  );

  it("routes every path of an HTTP API to the Lambda adapter, configured for signed tokens and the deployer's project creators", () => {
    const routes = resourcesOf('AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties.RouteKey);
    expect(routes).toEqual(['$default']);
    const [, lambda] = resourcesOf('AWS::Lambda::Function')[0] as [string, { Properties: Json }];
    expect(lambda.Properties.Handler).toBe('functions/api/lambda.handler');
    expect(lambda.Properties.Environment.Variables).toMatchObject({
      TABLE_NAME: { Ref: 'EntriesTable' },
      AUTH_MODE: 'oidc',
      OIDC_AUDIENCE: AUDIENCE,
      // Without it no one could create a project on the deployed API.
      PROJECT_CREATORS: 'jane@uni.example,@institute.example',
    });
  });

  /** The packaged handler, run in a fresh Node process from the unzipped bundle alone: no node_modules, no sources. */
  async function invokeBundle(event: object, env: Record<string, string>): Promise<Json> {
    const bundlePath = join(out, 'lambda.js');
    writeFileSync(bundlePath, readZipEntry(readFileSync(join(out, 'api.zip')), LAMBDA_BUNDLE));
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

  it('carries none of the local stand-ins (local/): no file of them, and no module of them bundled in', () => {
    const entries = zipEntries(readFileSync(join(out, 'api.zip')));
    expect([...entries.keys()].filter((name) => name.startsWith('local/'))).toEqual([]);
    const sourceMap = entries.get(`${LAMBDA_BUNDLE}.map`);
    if (sourceMap === undefined) throw new Error(`${LAMBDA_BUNDLE}.map is not in the package`);
    const ownSources = (JSON.parse(sourceMap.toString('utf8')) as { sources: string[] }).sources.filter(
      (source) => !source.includes('node_modules/'),
    );
    // The map lists the project's modules the bundle holds: the handler is one, a stand-in none.
    expect(ownSources.some((source) => source.endsWith('functions/api/lambda.ts'))).toBe(true);
    expect(ownSources.filter((source) => /(^|\/)local\//.test(source))).toEqual([]);
  });

  it('refuses to package a secret ARN that an IAM policy could not match exactly', async () => {
    // osls prints its error on the console: the failed command's output says why.
    const failure = await packageService({
      OIDC_AUDIENCE: AUDIENCE,
      REPORT_LINK_SECRET_ARN: 'va-assess/report-link',
    }).then(
      () => 'packaged',
      (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
    );
    expect(failure).toMatch(/REPORT_LINK_SECRET_ARN must be the complete ARN of a Secrets Manager secret/);
  }, 300_000);

  describe('with its secrets in a local Secrets Manager', () => {
    let secrets: LocalSecretsManager;
    beforeAll(async () => {
      secrets = await startLocalSecretsManager([
        { name: 'va-assess/report-link', value: REPORT_LINK_SECRET },
      ]);
    });
    afterAll(() => secrets.close());

    it('reads them at cold start from their ARNs, and names the variable when one is missing', async () => {
      const health = { rawPath: '/health', requestContext: { http: { method: 'GET' } } };
      const arn = secrets.arnOf('va-assess/report-link');
      const env = { TABLE_NAME: 't', SECRETS_MANAGER_ENDPOINT: secrets.endpoint };
      expect(await invokeBundle(health, { ...env, REPORT_LINK_SECRET_ARN: arn })).toMatchObject({
        statusCode: 200,
      });
      expect(secrets.calls.get('secretsmanager.GetSecretValue')).toBe(1);
      const missing = await invokeBundle(health, {
        ...env,
        REPORT_LINK_SECRET_ARN: arn.replace('link', 'lost'),
      });
      expect(missing.statusCode).toBe(500);
      expect(JSON.parse(missing.body).message).toContain('REPORT_LINK_SECRET_ARN');
    });
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
