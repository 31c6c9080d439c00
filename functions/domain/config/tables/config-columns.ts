import { INSTALLATION_ROLES, RESOURCE_KINDS } from '../installation-schema';
import { AGGREGATIONS, BASELINE_SPANS, METRIC_KINDS } from '../metric-definition-schema';

/** The configuration tabs, as a coordinator sees them in the spreadsheet and in a workbook. */
export const CONFIG_TABS = ['project', 'budgets', 'budgetGroups', 'installations', 'metrics'] as const;
export type ConfigTabId = (typeof CONFIG_TABS)[number];

export const CONFIG_TAB_TITLES: Record<ConfigTabId, string> = {
  project: 'Project',
  budgets: 'Budgets',
  budgetGroups: 'Budget groups',
  installations: 'Installations',
  metrics: 'Metric definitions',
};

/**
 * How a cell is read: text (a number typed into it is taken as its digits), a number, a list (one
 * entry per line, or separated by commas when no entry holds one), or a metric baseline (a number, a
 * text, or nothing).
 */
export type CellKind = 'text' | 'number' | 'list' | 'baseline';

/** A closed set the sheet offers as a dropdown: fixed values, or the ids listed in another tab's column. */
export type ColumnChoices =
  | { readonly values: readonly string[] }
  | { readonly idsOf: ConfigTabId; readonly column: string }
  /** Units: the common ones and those the configuration already uses (a project may name its own). */
  | { readonly units: true };

export interface ConfigColumn {
  /** The configuration field, dotted below the row's object (e.g. "capacity.cpuCores"). */
  readonly key: string;
  /** Printed in the header row; the sheet finds the column by it. */
  readonly header: string;
  /** The explanation row under the header: what the column holds and what is expected. */
  readonly explains: string;
  readonly kind: CellKind;
  readonly choices?: ColumnChoices;
}

const text = (key: string, header: string, explains: string, choices?: ColumnChoices): ConfigColumn =>
  choices === undefined
    ? { key, header, explains, kind: 'text' }
    : { key, header, explains, kind: 'text', choices };
const number = (key: string, header: string, explains: string): ConfigColumn => ({
  key,
  header,
  explains,
  kind: 'number',
});
const list = (key: string, header: string, explains: string): ConfigColumn => ({
  key,
  header,
  explains,
  kind: 'list',
});

/** The Project tab is one field per row (Field | Value | What it is); these are its rows. */
export const PROJECT_FIELDS: readonly ConfigColumn[] = [
  text('id', 'Project id', 'Lowercase letters, digits and dashes, e.g. "imagine"; never changes'),
  text('title', 'Title', 'As printed in the report, e.g. "iMagine"'),
  text('acronym', 'Acronym', 'Optional'),
  text('grantAgreement', 'Grant agreement', 'Optional, e.g. "101058625"'),
  text('startDate', 'Start date', 'First day of month M01, as yyyy-mm-dd, e.g. "2022-09-01"'),
  number('durationMonths', 'Duration (months)', 'Whole months, e.g. 36'),
  number('periodMonths', 'Period (months)', 'Length of a reporting period: 1, 2, 3, 4, 6 or 12'),
  text('timeZone', 'Time zone', 'An IANA time zone, e.g. "Europe/Madrid"'),
  text(
    'locale',
    'Sheet locale',
    'Optional, e.g. "en-GB" or "es-ES": decides whether "1,500" means 1500 or 1.5',
  ),
  list('coordinators', 'Coordinators', 'E-mail addresses, one per line or separated by commas'),
  text(
    'report.deliverableId',
    'Report: deliverable id',
    'e.g. "D4.2"; leave every Report row empty for defaults',
  ),
  text('report.title', 'Report: title', 'e.g. "1st Periodical assessment of AI and Infrastructure services"'),
  text('report.workPackage', 'Report: work package', 'e.g. "WP4"'),
  text('report.documentType', 'Report: document type', 'e.g. "Deliverable"'),
  text('report.status', 'Report: status', 'e.g. "Under EC Review"'),
  text('report.version', 'Report: version', 'e.g. "1.0"'),
  text('report.disseminationLevel', 'Report: dissemination level', 'e.g. "Public"'),
  text('report.leadPartner', 'Report: lead partner', 'e.g. "CSIC"'),
  list('report.authors', 'Report: authors', 'As printed, e.g. "Jane Doe (CSIC)", one per line'),
  text('report.locale', 'Report: number locale', 'Locale the report prints numbers in, e.g. "en-GB"'),
];

export const BUDGET_COLUMNS: readonly ConfigColumn[] = [
  text('id', 'Budget id', 'Lowercase id metrics count toward, e.g. "cpu-hours"'),
  text('label', 'Label', 'As printed in the report, e.g. "CPU-hours"'),
  text(
    'unit',
    'Unit',
    'Unit of the amount, e.g. "CPU-hours" or "TB-month"; a metric counting toward it has this unit',
    { units: true },
  ),
  number('amount', 'Amount', 'Total promised for the whole project, e.g. 6000000'),
];

export const BUDGET_GROUP_COLUMNS: readonly ConfigColumn[] = [
  text('id', 'Group id', 'Lowercase id, e.g. "compute"'),
  text('label', 'Label', 'As printed in the summary, e.g. "CPU and GPU-hours"'),
  list('budgetIds', 'Budgets', 'Budget ids reported together, separated by commas'),
];

export const INSTALLATION_COLUMNS: readonly ConfigColumn[] = [
  text('id', 'Installation id', 'Lowercase letters, digits and dashes, e.g. "ifca-cpu"; never changes'),
  text('name', 'Name', 'As in the report heading, e.g. "IFCA-CSIC Scientific Cloud – CPU"'),
  text('task', 'Task', 'e.g. "T4.3"'),
  text('role', 'Role', 'platform (runs on the infrastructures) or infrastructure', {
    values: INSTALLATION_ROLES,
  }),
  text('resourceKind', 'Resource', 'platform, cpu, gpu or storage', { values: RESOURCE_KINDS }),
  list(
    'editors',
    'Partners (e-mails)',
    'Who types this installation’s values, one e-mail per line or separated by commas',
  ),
  list('providers', 'Providers', 'Partner organisations, separated by commas'),
  text('location', 'Location', 'e.g. "Spain"'),
  text('description', 'Description', 'A paragraph for the report'),
  text('url', 'URL', 'Where the service is'),
  text('serviceCategory', 'Service category', 'e.g. "Infrastructure service"'),
  text('serviceCatalogue', 'Service catalogue', 'Link to its catalogue entry'),
  text('duration', 'Duration', 'e.g. "M1-M36"'),
  text('modalityOfAccess', 'Modality of access', 'e.g. "API and Web GUI"'),
  text('supportOffered', 'Support offered', 'e.g. "EGI Helpdesk"'),
  text('operationalSince', 'Operational since', 'e.g. "2020"'),
  text('userDefinition', 'User definition', 'Who counts as a user'),
  number(
    'capacity.cpuCores',
    'Capacity: CPU cores',
    'Optional: hours above cores × hours in a period are refused',
  ),
  number('capacity.gpus', 'Capacity: GPUs', 'Optional'),
  number('capacity.storageTB', 'Capacity: storage (TB)', 'Optional'),
  // The EC portal's Installations table (docs/ec-portal.md): optional until the export needs them.
  text(
    'portal.beneficiary',
    'EC portal: beneficiary',
    'Optional: the access provider, the beneficiary’s short name in the grant agreement, e.g. "CSIC"',
  ),
  text('portal.infrastructure', 'EC portal: infrastructure', 'Optional: the research infrastructure'),
  text(
    'portal.accessMetric',
    'EC portal: quantity metric',
    'Optional: the metric id giving the quantity of access; default: the one counting toward a budget',
  ),
  text(
    'portal.countriesMetric',
    'EC portal: countries metric',
    'Optional: the country-list metric id giving the users’ countries; default: the only one',
  ),
];

export const METRIC_COLUMNS: readonly ConfigColumn[] = [
  text('installation', 'Installation id', 'The installation this metric belongs to', {
    idsOf: 'installations',
    column: 'id',
  }),
  text('id', 'Metric id', 'Lowercase id, unique within its installation, e.g. "cpu-hours"'),
  text('label', 'Label', 'As in the report, e.g. "CPU node/hours served over the period"'),
  text('kind', 'Kind', 'hours, tb-month, count, country-list or country-count', { values: METRIC_KINDS }),
  text(
    'unit',
    'Unit',
    'e.g. "CPU-hours", "TB-month", "users", "countries"; the budget\'s unit when it counts toward one',
    {
      units: true,
    },
  ),
  {
    key: 'baseline',
    header: 'Baseline',
    explains: 'As promised: 3000000, "> 200", "ES, PT"; empty when none',
    kind: 'baseline',
  },
  text('baselineSpan', 'Baseline for', 'period, year or project (default project)', {
    values: BASELINE_SPANS,
  }),
  text('measuredBy', 'Measured by', 'e.g. "openstack accounting"'),
  text('aggregation', 'Aggregation', 'How periods combine: sum, union, latest or max (default by kind)', {
    values: AGGREGATIONS,
  }),
  text('countsToward', 'Counts toward', 'Optional: the budget id this metric consumes (same unit)', {
    idsOf: 'budgets',
    column: 'id',
  }),
  text('countOf', 'Count of', 'For a country-count: the id of the country-list metric it counts'),
];

/** The columns of each row-per-item tab (the Project tab is listed by PROJECT_FIELDS). */
export const TABLE_COLUMNS: Record<Exclude<ConfigTabId, 'project'>, readonly ConfigColumn[]> = {
  budgets: BUDGET_COLUMNS,
  budgetGroups: BUDGET_GROUP_COLUMNS,
  installations: INSTALLATION_COLUMNS,
  metrics: METRIC_COLUMNS,
};
