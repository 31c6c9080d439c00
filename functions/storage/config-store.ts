import { randomUUID } from 'node:crypto';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  type PutCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { keys } from '../../infra/table-design';
import { type Installation, type Project, type ProjectConfig, projectConfigSchema } from '../domain/config';
import { InvalidConfigError } from '../domain/errors';
import { type BatchWriteSettings, batchWriteAll, type WriteRequest } from './batch-write';
import {
  ConfigRevisionConflictError,
  type ConfigRevisionStamp,
  type ConfigSnapshot,
  configRevisionOf,
  type ExpectedRevision,
  LEGACY_REVISION_PREFIX,
} from './config-revision';
import { assertItemFits } from './item-size';
import { queryAll } from './query-all';
import { normaliseStorageError } from './storage-errors';

export interface ConfigStoreOptions {
  now?: () => Date;
  batchWrite?: Partial<BatchWriteSettings>;
}

interface ProjectItem {
  pk: string;
  sk: string;
  type: 'config-project';
  project: Project;
  /** The installations of this config, in order: load ignores installation items not listed here. */
  installationIds: string[];
  updatedBy: string;
  updatedAt: string;
  /** New at every save, so a process caching the config notices a change by reading this item alone. */
  revision?: string;
  /** Set when the installations live under this revision's own keys (keys.configRevisionPrefix). */
  installationsByRevision?: boolean;
  /** The revision this one replaced: its items stay for readers that pinned it until the next save. */
  previousRevision?: string;
}

interface InstallationItem {
  pk: string;
  sk: string;
  type: 'config-installation';
  projectId: string;
  installation: Installation;
  updatedBy: string;
  updatedAt: string;
  /** The revision whose installation this is (absent on items stored before revisions had keys). */
  revision?: string;
}

/** A reader that pinned a revision a save then removed reads the project item again, this often. */
const LOAD_ATTEMPTS = 3;

/**
 * Items of a revision that never became current (its writer crashed between its installations and the
 * project item) are removed by a later save once this old: no write is still in flight by then.
 */
const ABANDONED_REVISION_MS = 15 * 60 * 1000;

const isConditionFailure = (error: unknown) =>
  (error as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';

/**
 * A project's configuration as items of its partition: the project item (CONFIG#PROJECT) and one item
 * per installation under the revision's own keys (CONFIG#REV#<revision>#INSTALLATION#<id>), so no item
 * nears the 400 KB limit however many installations there are (measured: an installation of the
 * example is 2 to 3 KB, so 200 of them are about 500 KB, more than one item holds, and 200 items are
 * more than a transaction's 100 actions).
 *
 * A save writes the new revision's installations first, under keys no reader looks at yet, then
 * replaces the project item in ONE conditional PutItem (on the revision the writer read, or on its
 * absence for a creation): that write is the switch, so a configuration is replaced whole or not at
 * all, and a second writer that read the same revision is refused. Readers pin the revision the
 * project item names and read its installations; the replaced revision's items stay until the next
 * save so a reader that pinned it finishes, and a reader that still finds them gone reads again.
 */
export class ConfigStore {
  private readonly now: () => Date;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: ConfigStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The stored config, checked against the schema again, or null when the project has none. */
  async load(projectId: string): Promise<ProjectConfig | null> {
    return (await this.loadSnapshot(projectId))?.config ?? null;
  }

  /** The stored config with the revision it was read at (see config-revision.ts). */
  async loadSnapshot(projectId: string): Promise<ConfigSnapshot | null> {
    for (let attempt = 1; ; attempt += 1) {
      const projectItem = await this.projectItem(projectId);
      if (projectItem === undefined) return null;
      const installations = await this.installationsOf(projectId, projectItem);
      const missing = projectItem.installationIds.filter((id) => !installations.has(id));
      // Two saves in between removed the revision this read pinned: the project item names a newer one.
      if (missing.length > 0 && attempt < LOAD_ATTEMPTS) continue;
      if (missing.length > 0) {
        throw new InvalidConfigError(
          missing.map((id) => `installations: "${id}" is listed by the project but has no stored item`),
        );
      }
      const parsed = projectConfigSchema.safeParse({
        project: projectItem.project,
        installations: projectItem.installationIds.map((id) => installations.get(id)),
      });
      if (!parsed.success) {
        throw new InvalidConfigError(
          parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
        );
      }
      return { config: parsed.data, revision: configRevisionOf(projectItem) };
    }
  }

  /**
   * Replaces the configuration if the stored one is still at `expected` (null: creates it if the
   * project has none); else throws ConfigRevisionConflictError and nothing of this save is in effect.
   * Without `expected` (seeding scripts, benches) it is conditioned on the revision stored now.
   * Answers the new revision.
   */
  async save(config: ProjectConfig, updatedBy: string, expectedRevision?: ExpectedRevision): Promise<string> {
    const expected =
      expectedRevision !== undefined ? expectedRevision : await this.currentRevision(config.project.id);
    const projectId = config.project.id;
    const pk = keys.projectPk(projectId);
    const updatedAt = this.now().toISOString();
    const revision = randomUUID();
    const installationItems: InstallationItem[] = config.installations.map((installation) => ({
      pk,
      sk: keys.configRevisionInstallationSk(revision, installation.id),
      type: 'config-installation',
      projectId,
      installation,
      updatedBy,
      updatedAt,
      revision,
    }));
    const projectItem: ProjectItem = {
      pk,
      sk: keys.configProjectSk,
      type: 'config-project',
      project: config.project,
      installationIds: config.installations.map((installation) => installation.id),
      updatedBy,
      updatedAt,
      revision,
      installationsByRevision: true,
      ...(expected === null ? {} : { previousRevision: expected }),
    };
    for (const item of [projectItem, ...installationItems]) {
      assertItemFits(item, `configuration item ${item.sk}`);
    }
    const ownItems: WriteRequest[] = installationItems.map((item) => ({
      DeleteRequest: { Key: { pk: item.pk, sk: item.sk } },
    }));

    await batchWriteAll(
      this.doc,
      this.tableName,
      installationItems.map((item) => ({ PutRequest: { Item: item } })),
      this.options.batchWrite,
    );
    let replaced: ProjectItem | undefined;
    try {
      const put = await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: projectItem,
          ...revisionCondition(expected),
          ReturnValues: 'ALL_OLD',
        }),
      );
      replaced = put.Attributes as ProjectItem | undefined;
    } catch (error) {
      // Any other failure may have written the item all the same (an answer lost): its installations stay.
      if (!isConditionFailure(error)) throw normaliseStorageError(error);
      const current = await this.projectItem(projectId);
      // The SDK resent a write whose answer was lost: the first attempt switched to this revision.
      if (current !== undefined && configRevisionOf(current) === revision) return revision;
      // Nobody reads these keys: removed at once, or by a later save once abandoned.
      await batchWriteAll(this.doc, this.tableName, ownItems, this.options.batchWrite).catch(() => undefined);
      throw new ConfigRevisionConflictError(
        projectId,
        expected,
        current === undefined ? null : configRevisionOf(current),
      );
    }
    // The save is in effect: a failed clean-up leaves items the next save removes, not a failed save.
    await this.removeDeadItems(projectId, revision, replaced).catch(() => undefined);
    return revision;
  }

  /**
   * After `current` replaced `replaced`: removes what no reader can need any more. Kept: the current
   * revision, the replaced one (readers may have pinned it) and revisions young enough to be another
   * writer's save in flight (its project item write will fail on the revision; it removes its own).
   */
  private async removeDeadItems(projectId: string, current: string, replaced: ProjectItem | undefined) {
    const replacedRevision = replaced === undefined ? undefined : configRevisionOf(replaced);
    const stored = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.projectPk(projectId), ':prefix': keys.configPrefix },
      ProjectionExpression: 'pk, sk, #r, updatedAt',
      ExpressionAttributeNames: { '#r': 'revision' },
      ConsistentRead: true,
    });
    const abandonedBefore = this.now().getTime() - ABANDONED_REVISION_MS;
    const dead = stored.filter((item) => {
      const sk = String(item.sk);
      if (sk.startsWith(keys.configInstallationPrefix)) {
        // Items of the layout before revision keys: needed only while the replaced revision used it.
        return replaced?.installationsByRevision === true;
      }
      if (sk === keys.configProjectSk) return false;
      const revision = String(item.revision);
      if (revision === current || revision === replacedRevision) return false;
      return revision === replaced?.previousRevision || Date.parse(String(item.updatedAt)) < abandonedBefore;
    });
    await batchWriteAll(
      this.doc,
      this.tableName,
      dead.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
      this.options.batchWrite,
    );
  }

  /** Who stored the current revision and when (null: the project has none), for a message that names it. */
  async revisionStamp(projectId: string): Promise<ConfigRevisionStamp | null> {
    const item = await this.projectItem(projectId);
    if (item === undefined) return null;
    return { revision: configRevisionOf(item), updatedBy: item.updatedBy, updatedAt: item.updatedAt };
  }

  private async currentRevision(projectId: string): Promise<ExpectedRevision> {
    const item = await this.projectItem(projectId);
    return item === undefined ? null : configRevisionOf(item);
  }

  private async projectItem(projectId: string): Promise<ProjectItem | undefined> {
    try {
      const read = await this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: keys.projectPk(projectId), sk: keys.configProjectSk },
          ConsistentRead: true,
        }),
      );
      return read.Item as ProjectItem | undefined;
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }

  /** The installations stored for the revision the project item names, by id. */
  private async installationsOf(
    projectId: string,
    projectItem: ProjectItem,
  ): Promise<Map<string, Installation>> {
    const prefix =
      projectItem.installationsByRevision === true && typeof projectItem.revision === 'string'
        ? keys.configRevisionPrefix(projectItem.revision)
        : keys.configInstallationPrefix;
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.projectPk(projectId), ':prefix': prefix },
      ConsistentRead: true,
    });
    return new Map(
      items.map((item) => {
        const { installation } = item as unknown as InstallationItem;
        return [installation.id, installation] as const;
      }),
    );
  }

  /** Who saved the config last and when, for the coordinator's view; null when there is none. */
  async lastUpdate(projectId: string): Promise<{ updatedBy: string; updatedAt: string } | null> {
    try {
      const read = await this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: keys.projectPk(projectId), sk: keys.configProjectSk },
          ProjectionExpression: 'updatedBy, updatedAt',
          ConsistentRead: true,
        }),
      );
      const item = read.Item as { updatedBy: string; updatedAt: string } | undefined;
      return item === undefined ? null : { updatedBy: item.updatedBy, updatedAt: item.updatedAt };
    } catch (error) {
      throw normaliseStorageError(error);
    }
  }
}

/** The condition that makes the project item's write the switch: see ConfigStore. */
function revisionCondition(expected: ExpectedRevision): Partial<PutCommandInput> {
  if (expected === null) return { ConditionExpression: 'attribute_not_exists(pk)' };
  if (expected.startsWith(LEGACY_REVISION_PREFIX)) {
    return {
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#r) AND #u = :u',
      ExpressionAttributeNames: { '#r': 'revision', '#u': 'updatedAt' },
      ExpressionAttributeValues: { ':u': expected.slice(LEGACY_REVISION_PREFIX.length) },
    };
  }
  return {
    ConditionExpression: '#r = :r',
    ExpressionAttributeNames: { '#r': 'revision' },
    ExpressionAttributeValues: { ':r': expected },
  };
}
