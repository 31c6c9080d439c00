import type { DateTime } from 'luxon';
import {
  hoursInPeriod,
  listPeriods,
  type PeriodId,
  type ReportingPeriod,
} from '../calendar/reporting-period';
import type { Installation } from '../config/installation-schema';
import type { MetricDefinition } from '../config/metric-definition-schema';
import type { ProjectConfig } from '../config/project-config-schema';
import type { EntryValue, RawEntry } from '../entries/entry';
import { entryRowKeyString } from '../entries/entry-key';
import { formatMetricValue, formatNumber } from '../parsing/format-metric-value';
import { excerpt, hasError, isBlank, type ParseFinding } from '../parsing/parse-finding';
import { ambiguousSeparatorFinding } from './ambiguous-separator';
import {
  type Checked,
  checkCountOfList,
  checkPlatform,
  checkTrend,
  currentValues,
  type InfrastructureHours,
  infrastructureHoursIn,
  previousFigure,
} from './cross-entry-checks';
import { type FindingSubject, toIssue } from './format-finding';
import { parseMetricInput } from './parse-metric-input';
import { infrastructureHourSlots, type MetricSlot } from './platform-rule-cells';
import { checkAgainstReference, type ReferenceFigure, referenceFigureOf } from './reference-figure';
import { statusOf, type ValidationOutcome } from './validation-outcome';

export interface ValidationContext {
  config: ProjectConfig;
  /** The current time; periods that have not started at `now` (project time zone) take no values. */
  now: DateTime;
  /** Accepted values already persisted; a batch entry replaces the stored value with the same key. */
  stored?: readonly EntryValue[];
}

export { SUDDEN_JUMP_FACTOR } from './cross-entry-checks';

function shown(raw: RawEntry['raw']): string {
  if (typeof raw === 'string') return excerpt(raw.trim());
  return String(raw);
}

function listOf(ids: readonly string[]): string {
  const shownIds = ids.slice(0, 8).join(', ');
  return ids.length > 8 ? `${shownIds}, … (${ids.length} in all)` : shownIds;
}

/** The configuration a batch is checked against, with what is derived from it once per batch. */
interface BatchConfig {
  config: ProjectConfig;
  installationsById: ReadonlyMap<string, Installation>;
  periods: readonly ReportingPeriod[];
  referenceOf: (installation: Installation, metric: MetricDefinition) => ReferenceFigure | undefined;
}

/** Rules that need only the entry itself and the configuration. */
function checkOne(entry: RawEntry, batch: BatchConfig, now: DateTime): Checked {
  const { config, installationsById, periods } = batch;
  const installation = installationsById.get(entry.installationId);
  const period = periods.find((candidate) => candidate.id === entry.periodId);
  const blank = isBlank(entry.raw);
  const subject: FindingSubject = {
    installation: installation?.name ?? `installation "${entry.installationId}"`,
    field: 'value',
    period: period ?? String(entry.periodId),
    ...(entry.cell === undefined ? {} : { cell: entry.cell }),
  };
  const checked: Checked = { entry, subject, blank, value: null, findings: [] };
  if (installation === undefined) {
    checked.findings.push({
      ruleId: 'unknown-installation',
      found: entry.installationId,
      expected: `an installation of the project: ${listOf(config.installations.map((known) => known.id))}`,
    });
    return checked;
  }
  checked.installation = installation;
  const metric = installation.metrics.find((candidate) => candidate.id === entry.metricId);
  subject.metric = metric?.label ?? `metric "${entry.metricId}"`;
  if (metric === undefined) {
    checked.findings.push({
      ruleId: 'unknown-metric',
      found: entry.metricId,
      expected: `a metric of ${installation.name}: ${listOf(installation.metrics.map((known) => known.id))}`,
    });
    return checked;
  }
  checked.metric = metric;
  if (period === undefined) {
    const last = periods[periods.length - 1];
    checked.findings.push({
      ruleId: 'period-outside-project',
      found: String(entry.periodId),
      expected: `a period of the project, P1 to ${last?.id ?? 'P1'}${last === undefined ? '' : ` (${last.label} ends the project)`}`,
    });
    return checked;
  }
  checked.period = period;
  if (blank) return checked;
  if (now < period.start) {
    checked.findings.push({
      ruleId: 'period-in-future',
      found: shown(entry.raw),
      expected: `no value before ${period.id} starts on ${period.start.toISODate()} (${period.start.zoneName})`,
    });
    return checked;
  }
  const input = parseMetricInput(entry.raw as Exclude<RawEntry['raw'], null>, metric, config.project, {
    allowComparator: false,
  });
  checked.findings.push(...input.findings);
  checked.value = input.value;
  if (input.ambiguity !== undefined) checked.ambiguity = input.ambiguity;
  if (input.value?.type === 'number') {
    checked.findings.push(...checkCapacity(installation, metric, period, input.value.value));
    if (!hasError(checked.findings)) {
      const reference = batch.referenceOf(installation, metric);
      checked.findings.push(...checkAgainstReference(metric, input.value.value, reference));
    }
  }
  return checked;
}

function checkCapacity(
  installation: Installation,
  metric: MetricDefinition,
  period: ReportingPeriod,
  value: number,
): ParseFinding[] {
  const capacity = installation.capacity;
  if (capacity === undefined) return [];
  let limit: number | undefined;
  let reason = '';
  if (metric.kind === 'hours') {
    const hours = hoursInPeriod(period);
    const units =
      installation.resourceKind === 'cpu'
        ? { count: capacity.cpuCores, name: 'CPU cores' }
        : installation.resourceKind === 'gpu'
          ? { count: capacity.gpus, name: 'GPUs' }
          : undefined;
    if (units?.count !== undefined) {
      limit = units.count * hours;
      reason = `${formatNumber(units.count)} ${units.name} × ${formatNumber(hours)} hours in ${period.id}`;
    }
  } else if (metric.kind === 'tb-month' && capacity.storageTB !== undefined) {
    const months = period.lastMonth - period.firstMonth + 1;
    limit = capacity.storageTB * months;
    reason = `${formatNumber(capacity.storageTB)} TB × ${months} months in ${period.id}`;
  }
  if (limit === undefined || value <= limit) return [];
  return [
    {
      ruleId: 'above-capacity',
      found: formatNumber(value),
      expected: `at most ${formatNumber(limit)} ${metric.unit}, what the installation's capacity could deliver (${reason})`,
    },
  ];
}

/** What validating needs of a configuration beyond the configuration itself, built from it alone. */
interface ConfigIndex {
  /** A batch may hold every cell of thousands of installations: a scan per entry would be quadratic. */
  installationsById: Map<string, Installation>;
  /** Each metric's reference figure (its baseline parsed), by installation#metric, filled as needed. */
  references: Map<string, ReferenceFigure | undefined>;
  /** The cells a platform's hours are compared with, in each period. */
  infrastructureSlots: MetricSlot[];
}

/**
 * Kept per configuration object, which is never changed once parsed (the API's cache hands out the
 * same one until it changes): single-cell edits then build neither the index nor a baseline again.
 */
const indexes = new WeakMap<ProjectConfig, ConfigIndex>();

function indexOf(config: ProjectConfig): ConfigIndex {
  let index = indexes.get(config);
  if (index === undefined) {
    index = {
      installationsById: new Map(config.installations.map((installation) => [installation.id, installation])),
      references: new Map(),
      infrastructureSlots: infrastructureHourSlots(config),
    };
    indexes.set(config, index);
  }
  return index;
}

/**
 * Validates a batch of cells: one outcome per entry, in the same order. Never throws for bad input:
 * unknown installations, metrics and periods are rejected outcomes like any other bad value.
 */
export function validateEntries(
  entries: readonly RawEntry[],
  context: ValidationContext,
): ValidationOutcome[] {
  const { config, now } = context;
  const periods = listPeriods(config.project);
  const { installationsById, references, infrastructureSlots } = indexOf(config);
  const referenceOf = (installation: Installation, metric: MetricDefinition) => {
    const key = entryRowKeyString({ installationId: installation.id, metricId: metric.id });
    if (!references.has(key)) references.set(key, referenceFigureOf(metric, config.project));
    return references.get(key);
  };
  const batch: BatchConfig = { config, installationsById, periods, referenceOf };
  const checked = entries.map((entry) => checkOne(entry, batch, now));
  const values = currentValues(checked, context.stored ?? []);
  // Only a platform's hours need the infrastructure totals: each period's at most once per batch.
  const infrastructureHours = new Map<PeriodId, InfrastructureHours>();
  const infrastructureHoursOnce = (periodId: PeriodId) => {
    let hours = infrastructureHours.get(periodId);
    if (hours === undefined) {
      hours = infrastructureHoursIn(periodId, values, infrastructureSlots);
      infrastructureHours.set(periodId, hours);
    }
    return hours;
  };

  return checked.map((item) => {
    // Only a number (and a separator that reads two ways) is compared with the period before.
    const comparable = item.value?.type === 'number' || item.ambiguity !== undefined;
    const previous = comparable ? previousFigure(item, values, periods) : undefined;
    const ambiguity =
      item.ambiguity === undefined || item.metric === undefined
        ? undefined
        : ambiguousSeparatorFinding(item.ambiguity, item.metric.kind, previous);
    // The separator warning first: it explains the findings on the value that follow (a count read as 1.5).
    const findings = ambiguity === undefined ? [...item.findings] : [ambiguity, ...item.findings];
    const rejectedAlready = hasError(findings);
    if (!rejectedAlready && item.value?.type === 'number') {
      findings.push(
        ...checkCountOfList(item, item.value.value, values),
        ...checkTrend(item.value.value, previous),
        ...checkPlatform(item, item.value.value, infrastructureHoursOnce),
      );
    }
    const issues = findings.map((finding) => toIssue(item.subject, finding));
    const status = statusOf(issues);
    const value = status === 'rejected' ? null : item.value;
    return {
      location: {
        installationId: item.entry.installationId,
        metricId: item.entry.metricId,
        field: 'value',
        periodId: item.entry.periodId,
        ...(item.entry.cell === undefined ? {} : { cell: item.entry.cell }),
      },
      status,
      value,
      normalized: value === null ? '' : formatMetricValue(value),
      issues,
    };
  });
}
