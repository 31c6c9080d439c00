import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIST_BOUNDS, projectConfigSchema, TEXT_BOUNDS } from '../../../functions/domain/config';
import { estimateItemBytes } from '../../../functions/storage/item-size';
import { MAX_ITEM_BYTES } from '../../../functions/storage/storage-errors';

const example = () =>
  JSON.parse(readFileSync(join(__dirname, '../../../examples/imagine-py1/config.json'), 'utf8')) as {
    project: Record<string, unknown>;
    installations: Record<string, unknown>[];
  };

const text = (length: number) => 'é'.repeat(length); // two UTF-8 bytes each: the larger reading
const slug = (prefix: string, index: number) => `${prefix}-${String(index)}`.padEnd(64, 'x');
const email = (index: number) => `${'p'.repeat(240)}${index}@x.example`.slice(-254);

/** An installation with every text and list at its bound. */
function largestInstallation(index: number) {
  const { paragraph, name, url, code, sentence, label } = TEXT_BOUNDS;
  return {
    id: slug('site', index),
    name: text(name),
    task: text(code),
    role: 'infrastructure',
    resourceKind: 'cpu',
    providers: Array.from({ length: LIST_BOUNDS.texts }, () => text(name)),
    location: text(name),
    description: text(paragraph),
    url: text(url),
    serviceCategory: text(name),
    serviceCatalogue: text(url),
    duration: text(name),
    modalityOfAccess: text(paragraph),
    supportOffered: text(paragraph),
    operationalSince: text(name),
    userDefinition: text(paragraph),
    editors: Array.from({ length: LIST_BOUNDS.people }, (_, n) => email(n)),
    metrics: Array.from({ length: LIST_BOUNDS.metrics }, (_, n) => ({
      id: slug('metric', n),
      label: text(sentence),
      kind: 'count',
      unit: text(label),
      baseline: text(name),
      measuredBy: text(sentence),
      aggregation: 'max',
    })),
  };
}

/** As ConfigStore stores one installation of one revision. */
const installationItem = (installation: unknown) => ({
  pk: `PROJECT#${'p'.repeat(64)}`,
  sk: `CONFIG#REV#${'r'.repeat(36)}#INSTALLATION#${'i'.repeat(64)}`,
  type: 'config-installation',
  projectId: 'p'.repeat(64),
  installation,
  updatedBy: email(0),
  updatedAt: '2026-01-01T00:00:00.000Z',
  revision: 'r'.repeat(36),
});

describe('configuration item sizes (ConfigStore: one item per installation per revision)', () => {
  it('200 installations of the example are more than one item holds: one item per installation', () => {
    const [template] = example().installations;
    const installations = Array.from({ length: 200 }, (_, index) => ({
      ...template,
      id: slug('site', index),
    }));
    expect(estimateItemBytes(installations)).toBeGreaterThan(MAX_ITEM_BYTES);
    expect(estimateItemBytes(installationItem(template))).toBeLessThan(4 * 1024);
  });

  it('the largest installation and project the bounds allow each fit in one item', () => {
    const base = example();
    const installations = Array.from({ length: LIST_BOUNDS.installations }, (_, index) =>
      index === 0 ? largestInstallation(0) : { ...base.installations[0], id: slug('site', index) },
    );
    const config = projectConfigSchema.parse({ ...base, installations });
    const largest = config.installations[0];

    expect(estimateItemBytes(installationItem(largest))).toBeLessThan(MAX_ITEM_BYTES);
    const projectItem = {
      ...installationItem(undefined),
      project: config.project,
      installationIds: config.installations.map((installation) => installation.id),
    };
    expect(estimateItemBytes(projectItem)).toBeLessThan(MAX_ITEM_BYTES);
  });
});
