import type { ReportingPeriod } from '../calendar/reporting-period';
import type { Installation } from '../config/installation-schema';
import type { DraftFormat } from '../drafts/draft-format';
import type { MetricValue } from '../entries/metric-value';
import { EMPTY_COUNTRY_LIST_TEXT } from '../parsing/format-metric-value';
import type { InstallationSummary } from '../summary/installation-summary';
import type { MetricSummary } from '../summary/metric-summary';
import type { ValueLookup } from '../summary/value-lookup';
import type { WindowRef } from '../summary/window-ref';
import { periodHeading } from './period-heading';
import type { InstallationSection, ReportAssessment, ReportTable } from './report-model';

/** A cell nobody filled: printed, so it is never mistaken for a zero or an oversight of the report. */
export const MISSING_VALUE_TEXT = 'missing';
/** A baseline the coordinator left empty. */
export const NO_BASELINE_TEXT = 'N/A';

/** A value as every table and chart of the report prints it. */
export function reportValueText(value: MetricValue | null, format: DraftFormat): string {
  if (value === null) return MISSING_VALUE_TEXT;
  if (value.type === 'countries') {
    return value.codes.length === 0 ? EMPTY_COUNTRY_LIST_TEXT : value.codes.join(', ');
  }
  const number = format.number(value.value);
  return value.comparator === undefined ? number : `${value.comparator} ${number}`;
}

function descriptionTable(installation: Installation): ReportTable {
  const rows: [string, string][] = [
    ['Description', installation.description],
    ['Task', installation.task],
    ['URL', installation.url],
    ['Service category', installation.serviceCategory],
    ['Service catalogue', installation.serviceCatalogue],
    ['Providers', installation.providers.join(', ')],
    ['Location', installation.location],
    ['Duration', installation.duration],
    ['Modality of access', installation.modalityOfAccess],
    ['Support offered', installation.supportOffered],
    ['Operational since', installation.operationalSince],
    ['User definition', installation.userDefinition],
  ];
  return { header: [], rows: rows.filter(([label, value]) => value !== '' || label === 'Description') };
}

/**
 * "Number of users", not "Number of users [users]": the unit is added only where the metric's name does
 * not already say it, so the narrow first column of the table is not spent on repeating words.
 */
export function metricLabelWithUnit(label: string, unit: string): string {
  return unit === '' || label.toLowerCase().includes(unit.toLowerCase()) ? label : `${label} [${unit}]`;
}

/**
 * The baseline in the table's own number format ("3M" and "4.000.000" both print as the figures beside
 * them do, and as the assessment quotes them); one the parser could not read is quoted as typed.
 */
function baselineText(metric: MetricSummary, format: DraftFormat): string {
  if (metric.baselineStatus === 'parsed' && metric.baseline !== null) {
    return reportValueText(metric.baseline, format);
  }
  const typed = metric.baselineAsTyped?.trim() ?? '';
  return typed === '' ? NO_BASELINE_TEXT : typed;
}

export interface InstallationSectionInput {
  installation: Installation;
  summary: InstallationSummary;
  number: string;
  window: WindowRef;
  /** P1 through the window's last period: the metrics table shows every period so far. */
  periodsSoFar: readonly ReportingPeriod[];
  lookup: ValueLookup;
  assessment: ReportAssessment;
  format: DraftFormat;
}

/** One installation's section: description table, metrics table (every period so far and the window's figure), assessment. */
export function installationSection(input: InstallationSectionInput): InstallationSection {
  const { installation, summary, format } = input;
  const header = [
    'Metric',
    'Baseline',
    'How it is measured',
    ...input.periodsSoFar.map((period) => periodHeading({ periodId: period.id, periodLabel: period.label })),
    input.window.label,
  ];
  const rows = summary.metrics.map((metric) => {
    const definition = installation.metrics.find((candidate) => candidate.id === metric.metricId);
    return [
      metricLabelWithUnit(metric.label, metric.unit),
      baselineText(metric, format),
      definition?.measuredBy ?? '',
      ...input.periodsSoFar.map((period) =>
        reportValueText(input.lookup(installation.id, metric.metricId, period.id), format),
      ),
      reportValueText(metric.aggregate, format),
    ];
  });
  return {
    installationId: installation.id,
    number: input.number,
    name: installation.name,
    task: installation.task,
    role: installation.role,
    description: descriptionTable(installation),
    metrics: { header, rows },
    assessment: input.assessment,
  };
}
