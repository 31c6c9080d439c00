import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../infra/table-design';
import { type Installation, type Project, type ProjectConfig, projectConfigSchema } from '../domain/config';
import { InvalidConfigError } from '../domain/errors';
import { type BatchWriteSettings, batchWriteAll, type WriteRequest } from './batch-write';
import { type ConfigSnapshot, configRevisionOf } from './config-revision';
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
}

interface InstallationItem {
  pk: string;
  sk: string;
  type: 'config-installation';
  projectId: string;
  installation: Installation;
  updatedBy: string;
  updatedAt: string;
}

/**
 * A project's configuration as items of its partition: one for the project, one per installation
 * (with its metric definitions), so no item nears the 400 KB limit however many installations there are.
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
    const items = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.projectPk(projectId), ':prefix': keys.configPrefix },
      ConsistentRead: true,
    });
    const projectItem = items.find((item) => item.sk === keys.configProjectSk) as ProjectItem | undefined;
    if (projectItem === undefined) return null;
    const installations = new Map(
      items
        .filter((item) => item.type === 'config-installation')
        .map((item) => {
          const { installation } = item as unknown as InstallationItem;
          return [installation.id, installation] as const;
        }),
    );
    const missing = projectItem.installationIds.filter((id) => !installations.has(id));
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

  /**
   * Installations first, then the project item that lists them, then deletion of installations no
   * longer listed: a load running meanwhile sees the old or the new list, each with its items.
   */
  async save(config: ProjectConfig, updatedBy: string): Promise<void> {
    const projectId = config.project.id;
    const pk = keys.projectPk(projectId);
    const updatedAt = this.now().toISOString();
    const installationItems: InstallationItem[] = config.installations.map((installation) => ({
      pk,
      sk: keys.configInstallationSk(installation.id),
      type: 'config-installation',
      projectId,
      installation,
      updatedBy,
      updatedAt,
    }));
    const projectItem: ProjectItem = {
      pk,
      sk: keys.configProjectSk,
      type: 'config-project',
      project: config.project,
      installationIds: config.installations.map((installation) => installation.id),
      updatedBy,
      updatedAt,
      revision: randomUUID(),
    };
    for (const item of [projectItem, ...installationItems]) {
      assertItemFits(item, `configuration item ${item.sk}`);
    }
    const stored = await queryAll(this.doc, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.configInstallationPrefix },
      ProjectionExpression: 'pk, sk',
      ConsistentRead: true,
    });
    const kept = new Set(installationItems.map((item) => item.sk));
    const removals: WriteRequest[] = stored
      .filter((item) => !kept.has(String(item.sk)))
      .map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } }));

    await batchWriteAll(
      this.doc,
      this.tableName,
      installationItems.map((item) => ({ PutRequest: { Item: item } })),
      this.options.batchWrite,
    );
    try {
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: projectItem }));
    } catch (error) {
      throw normaliseStorageError(error);
    }
    await batchWriteAll(this.doc, this.tableName, removals, this.options.batchWrite);
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
