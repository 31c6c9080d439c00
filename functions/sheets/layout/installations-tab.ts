import type { Installation } from '../../domain/config/installation-schema';
import type { ProjectConfig } from '../../domain/config/project-config-schema';
import { ANCHOR_KEYS } from './anchors';
import { type GeneratedColumn, syncGeneratedRows } from './generated-table';
import type { Request } from './sheet-requests';
import type { TabSnapshot } from './sheet-snapshot';
import type { TabModule } from './tab-module';

interface DescriptionColumn extends GeneratedColumn {
  text(installation: Installation): string;
}

/** The seed's description table of an installation, one row each. */
export const INSTALLATION_COLUMNS: readonly DescriptionColumn[] = [
  { header: 'Installation', width: 280, wrapped: true, text: (item) => item.name },
  { header: 'Task', width: 70, text: (item) => item.task },
  { header: 'Role', width: 110, text: (item) => item.role },
  { header: 'Resource', width: 90, text: (item) => item.resourceKind },
  { header: 'Providers', width: 180, wrapped: true, text: (item) => item.providers.join(', ') },
  { header: 'Location', width: 180, wrapped: true, text: (item) => item.location },
  { header: 'Description', width: 420, wrapped: true, text: (item) => item.description },
  { header: 'URL', width: 220, text: (item) => item.url },
  { header: 'Service category', width: 160, text: (item) => item.serviceCategory },
  { header: 'Service catalogue', width: 220, text: (item) => item.serviceCatalogue },
  { header: 'Duration', width: 90, text: (item) => item.duration },
  { header: 'Modality of access', width: 260, wrapped: true, text: (item) => item.modalityOfAccess },
  { header: 'Support offered', width: 260, wrapped: true, text: (item) => item.supportOffered },
  { header: 'Operational since', width: 130, text: (item) => item.operationalSince },
  { header: 'User definition', width: 260, wrapped: true, text: (item) => item.userDefinition },
];

export function planInstallationsTab(tab: TabSnapshot, created: boolean, config: ProjectConfig): Request[] {
  return syncGeneratedRows(
    tab,
    ANCHOR_KEYS.installationRow,
    INSTALLATION_COLUMNS,
    config.installations.map((installation) => ({
      anchor: installation.id,
      texts: INSTALLATION_COLUMNS.map((column) => column.text(installation)),
    })),
    created,
  );
}

/** The Installations tab: the config's description of each installation, generated. */
export const installationsTab: TabModule<'installations'> = {
  role: 'installations',
  title: 'Installations',
  columnCount: INSTALLATION_COLUMNS.length,
  anchors: [ANCHOR_KEYS.installationRow],
  protection: 'generated',
  createdBySetup: true,
  plan: (planned, context) => ({
    requests: planInstallationsTab(planned.tab, planned.created, context.config),
  }),
};
