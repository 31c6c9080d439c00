import type { PeriodId, ReportingPeriod } from '../calendar/reporting-period';
import type { Installation } from '../config/installation-schema';
import type { MetricDefinition } from '../config/metric-definition-schema';
import { type EntryKey, type EntryValue, entryKeyString, type RawEntry } from '../entries/entry';
import type { MetricValue } from '../entries/metric-value';
import { formatMetricValue, formatNumber } from '../parsing/format-metric-value';
import { hasError, type ParseFinding } from '../parsing/parse-finding';
import type { SeparatorAmbiguity } from '../parsing/parse-number';
import type { NeighbourFigure } from './ambiguous-separator';
import type { FindingSubject } from './format-finding';
import { isPlatformHours, type MetricSlot } from './platform-rule-cells';

/**
 * The second pass of validateEntries: rules that compare an entry with other entries (the previous
 * period's figure, the list a count counts, the infrastructure a platform runs on), read from the
 * stored values as the batch changes them.
 */

/** A value more than this many times the previous period's, or less than its share, is warned. */
export const SUDDEN_JUMP_FACTOR = 10;

/** What the first pass learnt about one entry: where it points and what its cell holds. */
export interface Checked {
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

/**
 * The values cross-entry rules compare with: stored values, overridden by the batch. A batch
 * entry that is rejected or blank leaves its key unknown, so no rule compares with a value the
 * person is in the middle of changing.
 */
export function currentValues(
  checked: readonly Checked[],
  stored: readonly EntryValue[],
): Map<string, MetricValue> {
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

export function numberAt(values: ReadonlyMap<string, MetricValue>, key: EntryKey): number | undefined {
  const value = values.get(entryKeyString(key));
  return value?.type === 'number' ? value.value : undefined;
}

/** The same installation's and metric's figure in the period before the item's, when there is one. */
export function previousFigure(
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

export function checkTrend(value: number, previous: NeighbourFigure | undefined): ParseFinding[] {
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

export function checkCountOfList(
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
export interface InfrastructureHours {
  total: number;
  known: number;
}

export function infrastructureHoursIn(
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

export function checkPlatform(
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
