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
import { type EntryKey, type EntryValue, entryKeyString, type RawEntry } from '../entries/entry';
import { entryRowKeyString } from '../entries/entry-key';
import type { MetricValue } from '../entries/metric-value';
import { formatMetricValue, formatNumber } from '../parsing/format-metric-value';
import { excerpt, hasError, isBlank, type ParseFinding } from '../parsing/parse-finding';
import type { SeparatorAmbiguity } from '../parsing/parse-number';
import { ambiguousSeparatorFinding, type NeighbourFigure } from './ambiguous-separator';
import { type FindingSubject, toIssue } from './format-finding';
import { parseMetricInput } from './parse-metric-input';
import { infrastructureHourSlots, isPlatformHours, type MetricSlot } from './platform-rule-cells';
import { checkAgainstReference, type ReferenceFigure, referenceFigureOf } from './reference-figure';
import { statusOf, type ValidationOutcome } from './validation-outcome';

export interface ValidationContext {
  config: ProjectConfig;
  /** The current time; periods that have not started at `now` (project time zone) take no values. */
  now: DateTime;
  /** Accepted values already persisted; a batch entry replaces the stored value with the same key. */
  stored?: readonly EntryValue[];
}

/** A value more than this many times the previous period's, or less than its share, is warned. */
export const SUDDEN_JUMP_FACTOR = 10;

/** What the first pass learnt about one entry: where it points and what its cell holds. */
interface Checked {
  entry: RawEntry;
  subject: FindingSubject;
  installation?: Installation;
  metric?: MetricDefinition;
  period?: ReportingPeriod;
  blank: boolean;
  value: MetricValue | null;
  findings: ParseFinding[];
  /** "1,500" or "1.500": warned in the second pass, once the previous period's figure is known. */
  ambiguity?: SeparatorAmbiguity;
}

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

/**
 * The values cross-entry rules compare with: stored values, overridden by the batch. A batch
 * entry that is rejected or blank leaves its key unknown, so no rule compares with a value the
 * person is in the middle of changing.
 */
function currentValues(checked: readonly Checked[], stored: readonly EntryValue[]): Map<string, MetricValue> {
  const values = new Map<string, MetricValue>();
  for (const entry of stored) values.set(entryKeyString(entry), entry.value);
  for (const item of checked) {
    if (item.metric === undefined || item.period === undefined) continue;
    const key = entryKeyString(item.entry);
    if (item.value === null || hasError(item.findings)) values.delete(key);
    else values.set(key, item.value);
  }
  return values;
}

function numberAt(values: ReadonlyMap<string, MetricValue>, key: EntryKey): number | undefined {
  const value = values.get(entryKeyString(key));
  return value?.type === 'number' ? value.value : undefined;
}

/** The same installation's and metric's figure in the period before the item's, when there is one. */
function previousFigure(
  item: Checked,
  values: ReadonlyMap<string, MetricValue>,
  periods: readonly ReportingPeriod[],
): NeighbourFigure | undefined {
  const { installation, metric, period } = item;
  if (installation === undefined || metric === undefined || period === undefined) return undefined;
  // listPeriods gives P1..Pn in order: the period before Pn sits at index n - 2.
  const previousPeriod = period.index > 1 ? periods[period.index - 2] : undefined;
  if (previousPeriod === undefined) return undefined;
  const previous = numberAt(values, {
    installationId: installation.id,
    metricId: metric.id,
    periodId: previousPeriod.id,
  });
  if (previous === undefined) return undefined;
  return {
    value: previous,
    describe: () =>
      `${formatNumber(previous)} ${metric.unit} in ${previousPeriod.id} (${previousPeriod.label})`,
  };
}

function checkTrend(value: number, previous: NeighbourFigure | undefined): ParseFinding[] {
  if (previous === undefined || previous.value <= 0) return [];
  const before = previous.describe;
  if (value > SUDDEN_JUMP_FACTOR * previous.value) {
    return [
      {
        ruleId: 'sudden-jump',
        found: formatNumber(value),
        expected: `at most ${SUDDEN_JUMP_FACTOR} times the previous period's ${before()}`,
        action: 'accepted; please check it is not a typing or unit slip',
      },
    ];
  }
  if (value === 0) {
    return [
      {
        ruleId: 'drop-to-zero',
        found: '0',
        expected: `a usage figure, as the previous period had ${before()}`,
        action: 'accepted; please confirm the installation was not used',
      },
    ];
  }
  if (value < previous.value / SUDDEN_JUMP_FACTOR) {
    return [
      {
        ruleId: 'sudden-fall',
        found: formatNumber(value),
        expected: `at least 1/${SUDDEN_JUMP_FACTOR} of the previous period's ${before()}`,
        action:
          'accepted; please check it is not a typing or unit slip, such as a thousands separator read as a decimal mark',
      },
    ];
  }
  return [];
}

function checkCountOfList(
  item: Checked,
  value: number,
  values: ReadonlyMap<string, MetricValue>,
): ParseFinding[] {
  const { installation, metric, period } = item;
  if (installation === undefined || metric?.countOf === undefined || period === undefined) return [];
  const listMetric = installation.metrics.find((candidate) => candidate.id === metric.countOf);
  const list = values.get(
    entryKeyString({ installationId: installation.id, metricId: metric.countOf, periodId: period.id }),
  );
  if (listMetric === undefined || list?.type !== 'countries' || list.codes.length === value) return [];
  return [
    {
      ruleId: 'country-count-mismatch',
      found: formatNumber(value),
      expected: `${list.codes.length}, the number of countries in "${listMetric.label}" for ${period.id} (${formatMetricValue(list)})`,
      suggestion: String(list.codes.length),
    },
  ];
}

/** Hours the infrastructure delivered per period (and how many figures are known), computed once per batch. */
interface InfrastructureHours {
  total: number;
  known: number;
}

function infrastructureHoursIn(
  periodId: PeriodId,
  values: ReadonlyMap<string, MetricValue>,
  slots: readonly MetricSlot[],
): InfrastructureHours {
  let total = 0;
  let known = 0;
  for (const slot of slots) {
    const delivered = numberAt(values, { ...slot, periodId });
    if (delivered === undefined) continue;
    total += delivered;
    known += 1;
  }
  return { total, known };
}

function checkPlatform(
  item: Checked,
  value: number,
  infrastructureHours: (periodId: PeriodId) => InfrastructureHours,
): ParseFinding[] {
  const { installation, metric, period } = item;
  if (!isPlatformHours(installation, metric) || period === undefined) return [];
  const { total, known } = infrastructureHours(period.id);
  // Nothing entered yet for the infrastructure is not "zero delivered": wait for their figures.
  if (known === 0 || value <= total) return [];
  return [
    {
      ruleId: 'platform-above-infrastructure',
      found: formatNumber(value),
      expected: `at most ${formatNumber(total)} hours, what the infrastructure installations delivered in ${period.id} (${period.label}) all together`,
      action: 'accepted; please check the platform figure or the missing infrastructure figures',
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
