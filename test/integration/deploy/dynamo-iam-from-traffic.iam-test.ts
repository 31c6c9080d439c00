import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoTrafficRecord } from '../../../functions/storage/dynamo-traffic';
import { LOCAL_SETUP_OPERATIONS, type RequiredAction, requiredAction } from './dynamo-iam-actions';
import {
  actionsOf,
  type PackagedService,
  type PolicyStatement,
  packageService,
  ROOT,
  roleStatements,
} from './support/package-service';
import { LAMBDA_BUNDLE, readZipEntry } from './support/zip-entries';

/** Written by the main jest run (test/dynamo-traffic.global-setup.js). */
const TRAFFIC_DIR = join(ROOT, '.data', 'dynamo-traffic');

function recordedTraffic(): DynamoTrafficRecord[] {
  const files = existsSync(TRAFFIC_DIR)
    ? readdirSync(TRAFFIC_DIR).filter((name) => name.endsWith('.jsonl'))
    : [];
  const records = files.flatMap((name) =>
    readFileSync(join(TRAFFIC_DIR, name), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as DynamoTrafficRecord),
  );
  if (records.length === 0) {
    throw new Error(
      `No DynamoDB traffic recorded in ${TRAFFIC_DIR}: run npm test (its main jest run records the traffic this check reads)`,
    );
  }
  return records;
}

const TABLE_ARN = { 'Fn::GetAtt': ['EntriesTable', 'Arn'] };
const indexArn = (index: string) => ({ 'Fn::Join': ['', [TABLE_ARN, `/index/${index}`]] });

/** What AWS must allow, per resource: the table, and each index a Query or Scan named. */
function requiredPolicy(required: readonly RequiredAction[]): Map<string, Set<string>> {
  const byResource = new Map<string, Set<string>>();
  for (const { action, index } of required) {
    const resource = JSON.stringify(index === undefined ? TABLE_ARN : indexArn(index));
    byResource.set(resource, (byResource.get(resource) ?? new Set()).add(action));
  }
  return byResource;
}

/** The same shape from policy statements: every Allow of a dynamodb action, by resource. */
function grantedPolicy(statements: readonly PolicyStatement[]): Map<string, Set<string>> {
  const byResource = new Map<string, Set<string>>();
  for (const statement of statements) {
    const actions = actionsOf(statement).filter((action) => action.startsWith('dynamodb:'));
    if (actions.length === 0) continue;
    expect(statement.Effect).toBe('Allow');
    for (const resource of [statement.Resource].flat()) {
      const key = JSON.stringify(resource);
      const granted = byResource.get(key) ?? new Set();
      for (const action of actions) granted.add(action);
      byResource.set(key, granted);
    }
  }
  return byResource;
}

const sorted = (policy: Map<string, Set<string>>) =>
  Object.fromEntries(
    [...policy].sort(([a], [b]) => a.localeCompare(b)).map(([key, set]) => [key, [...set].sort()]),
  );

/**
 * DynamoDB Local enforces no IAM, so a command the role does not allow passes every other test and
 * fails only on AWS. This check takes the commands the whole suite actually sent (each action inside
 * transactions and batches included), maps them to IAM actions as AWS documents them, and requires the
 * packaged role to allow exactly those, on the table (an index only where one was queried).
 */
describe('the IAM policy against the DynamoDB traffic of the test suite', () => {
  const traffic = recordedTraffic();
  const sentByTheFunction = traffic.filter((record) => !LOCAL_SETUP_OPERATIONS.includes(record.operation));
  const required = requiredPolicy(sentByTheFunction.map(requiredAction));
  let packaged: PackagedService;

  beforeAll(async () => {
    packaged = await packageService({ OIDC_AUDIENCE: 'iam-check.apps.googleusercontent.com' });
  }, 300_000);

  afterAll(() => rmSync(packaged.dir, { recursive: true, force: true }));

  it('recorded the edit path: a transaction with a condition check, and batched reads', () => {
    expect(traffic).toContainEqual({ operation: 'TransactWriteItems', item: 'ConditionCheck' });
    expect(traffic).toContainEqual({ operation: 'BatchGetItem' });
  });

  it('lets the packaged role do exactly what the suite sent, on the right resources', () => {
    const granted = grantedPolicy(roleStatements(packaged.template));
    // The whole map at once: a missing action and one allowed beyond the traffic both show in the diff.
    expect(sorted(granted)).toEqual(sorted(required));
  });

  it('grants no Secrets Manager access when no secret ARN is set', () => {
    const actions = roleStatements(packaged.template).flatMap(actionsOf);
    expect(actions.filter((action) => action.startsWith('secretsmanager:'))).toEqual([]);
  });

  it('never sends a table-management operation from the deployed code', () => {
    // ensure-table.ts is the one sender of LOCAL_SETUP_OPERATIONS: the bundle's sources leave it out.
    const map = readZipEntry(readFileSync(join(packaged.dir, 'api.zip')), `${LAMBDA_BUNDLE}.map`);
    const sources: string[] = JSON.parse(map.toString('utf8')).sources;
    expect(sources.some((source) => source.endsWith('functions/storage/submission-writer.ts'))).toBe(true);
    expect(sources.filter((source) => source.endsWith('functions/storage/ensure-table.ts'))).toEqual([]);
  });

  it("matches docs/deploy.md's policy for the Google Cloud deployment", () => {
    const docs = readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8');
    const policies = [...docs.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((match) => JSON.parse(match[1] ?? '') as { Statement?: PolicyStatement[] })
      .filter((policy) => JSON.stringify(policy).includes('dynamodb:'));
    expect(policies).toHaveLength(1);
    const statements = policies[0]?.Statement ?? [];
    const documented = new Set(
      statements.flatMap(actionsOf).filter((action) => action.startsWith('dynamodb:')),
    );
    const needed = new Set([...required.values()].flatMap((actions) => [...actions]));
    expect([...documented].sort()).toEqual([...needed].sort());
  });
});
