import type { Installation } from '../config/installation-schema';
import type { MetricDefinition } from '../config/metric-definition-schema';
import type { ProjectConfig } from '../config/project-config-schema';
import { draftFormat } from '../drafts/draft-format';
import { DomainError } from '../errors';
import { reportValueText } from '../report/installation-section';
import { reportSettingsOf } from '../report/report-settings';
import type { WindowSummary } from '../summary/window-summary';
import { PORTAL_ACCESS_TYPE, type PortalRow, type PortalTable } from './portal-table';

/** Fields the portal needs that an installation's configuration does not give; each names where to add it. */
export class PortalFieldsMissingError extends DomainError {
  constructor(readonly problems: string[]) {
    super(
      `The EC portal export needs fields the configuration does not give (see docs/ec-portal.md):\n  - ${problems.join('\n  - ')}`,
      `${problems.length} missing field(s)`,
      'installations[].portal with beneficiary, infrastructure and, where no single metric says it, accessMetric and countriesMetric',
    );
  }
}

interface Resolved {
  beneficiary: string;
  infrastructure: string;
  access: MetricDefinition;
  countries: MetricDefinition | null;
}

function pick(
  installation: Installation,
  configured: string | undefined,
  field: 'accessMetric' | 'countriesMetric',
  fallback: (metric: MetricDefinition) => boolean,
  what: string,
  problems: string[],
): MetricDefinition | undefined {
  const where = `installations["${installation.id}"].portal.${field}`;
  if (configured !== undefined) {
    const metric = installation.metrics.find((candidate) => candidate.id === configured);
    if (metric === undefined) {
      problems.push(
        `${where}: "${configured}" is not a metric of ${installation.name}; expected one of ${installation.metrics.map((item) => item.id).join(', ')}`,
      );
    }
    return metric;
  }
  const candidates = installation.metrics.filter(fallback);
  if (candidates.length === 1) return candidates[0];
  problems.push(
    `${where}: missing, and ${installation.name} has ${candidates.length === 0 ? 'no' : `${candidates.length}`} ${what}; name the metric (one of ${installation.metrics.map((item) => item.id).join(', ')})`,
  );
  return undefined;
}

function resolve(installation: Installation, problems: string[]): Resolved | undefined {
  const portal = installation.portal ?? {};
  const before = problems.length;
  for (const field of ['beneficiary', 'infrastructure'] as const) {
    if (portal[field] === undefined) {
      problems.push(
        `installations["${installation.id}"].portal.${field}: missing for ${installation.name}; expected ${field === 'beneficiary' ? 'the beneficiary\'s short name, e.g. "CSIC"' : "the infrastructure's name"}`,
      );
    }
  }
  const access = pick(
    installation,
    portal.accessMetric,
    'accessMetric',
    (metric) => metric.countsToward !== undefined,
    'metrics counting toward a budget',
    problems,
  );
  const countryLists = installation.metrics.filter((metric) => metric.kind === 'country-list');
  const countries =
    portal.countriesMetric === undefined && countryLists.length === 0
      ? null
      : pick(
          installation,
          portal.countriesMetric,
          'countriesMetric',
          (m) => m.kind === 'country-list',
          'country lists',
          problems,
        );
  if (problems.length > before || access === undefined || countries === undefined) return undefined;
  return {
    beneficiary: portal.beneficiary ?? '',
    infrastructure: portal.infrastructure ?? '',
    access,
    countries,
  };
}

/**
 * The portal's Installations table for a window, from the same summary the report prints: each row's
 * quantity is the access metric's window figure and its countries the country list's union, so the
 * export and the report cannot disagree. Every missing field of every installation is named at once.
 */
export function portalTable(config: ProjectConfig, summary: WindowSummary): PortalTable {
  const problems: string[] = [];
  const resolved = config.installations.map((installation) => ({
    installation,
    fields: resolve(installation, problems),
  }));
  if (problems.length > 0) throw new PortalFieldsMissingError(problems);
  const format = draftFormat(reportSettingsOf(config.project).locale);
  const summaries = new Map(summary.installations.map((item) => [item.installationId, item]));
  const rows = resolved.flatMap(({ installation, fields }): PortalRow[] => {
    const figures = summaries.get(installation.id);
    if (fields === undefined || figures === undefined) return [];
    const access = figures.metrics.find((metric) => metric.metricId === fields.access.id);
    const aggregate = access?.aggregate ?? null;
    const countries =
      figures.metrics.find((metric) => metric.metricId === fields.countries?.id)?.aggregate ?? null;
    const codes = countries?.type === 'countries' ? countries.codes : [];
    return [
      {
        installationId: installation.id,
        beneficiary: fields.beneficiary,
        infrastructure: fields.infrastructure,
        installation: installation.name,
        accessType: PORTAL_ACCESS_TYPE,
        quantity: aggregate !== null && aggregate.type !== 'countries' ? aggregate.value : null,
        quantityText: reportValueText(aggregate, format),
        unit: fields.access.unit,
        countries: codes,
        countriesText: codes.join(', '),
      },
    ];
  });
  return {
    projectId: config.project.id,
    windowId: summary.window.id,
    windowLabel: summary.window.label,
    rows,
  };
}
