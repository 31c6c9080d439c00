import { DateTime } from 'luxon';
import { listPeriods, type PeriodId } from '../../../functions/domain/calendar/reporting-period';
import { parseWindow } from '../../../functions/domain/calendar/reporting-window';
import { MAX_PLAUSIBLE_FIGURE, MIN_NONZERO_FIGURE } from '../../../functions/domain/config/figure-bounds';
import { draftAssessments } from '../../../functions/domain/drafts/draft-assessments';
import { draftExecutiveSummary } from '../../../functions/domain/drafts/draft-executive-summary';
import { acceptedValues } from '../../../functions/domain/entries/accepted-values';
import type { RawEntry } from '../../../functions/domain/entries/entry';
import type { RawInput } from '../../../functions/domain/entries/metric-value';
import { buildReportModel } from '../../../functions/domain/report/build-report-model';
import { summarize } from '../../../functions/domain/summary/summarize';
import { summaryHeadlines } from '../../../functions/domain/summary/summary-headlines';
import { validateEntries } from '../../../functions/domain/validation/validate-entries';
import { renderMarkdown } from '../../../functions/report/markdown/render-markdown';
import { tinyConfig } from '../../fixtures/tiny-config';

/**
 * The most extreme figures the validator lets through (the largest and the smallest non-zero, in
 * turn, so every trend and attainment divides by the smallest), beside inputs a hostile client sends:
 * whatever of it is accepted must never print as Infinity or NaN anywhere a person reads a figure.
 */
const config = tinyConfig(
  [
    {
      id: 'big-cpu',
      name: 'Extreme CPU',
      metrics: [
        { id: 'hours', kind: 'hours', countsToward: 'cpu-hours', baseline: String(MIN_NONZERO_FIGURE) },
        { id: 'users', kind: 'count', baseline: '> 1' },
        { id: 'country-count', kind: 'country-count', baseline: '1' },
      ],
    },
    {
      id: 'big-gpu',
      name: 'Extreme GPU',
      resourceKind: 'gpu',
      metrics: [{ id: 'hours', kind: 'hours', unit: 'GPU-hours', countsToward: 'gpu-hours' }],
    },
    {
      id: 'big-store',
      name: 'Extreme storage',
      resourceKind: 'storage',
      metrics: [{ id: 'tb', kind: 'tb-month', countsToward: 'storage', baseline: '1 GB' }],
    },
    {
      id: 'hostile',
      name: 'Hostile client',
      metrics: [{ id: 'hours', kind: 'hours', countsToward: 'cpu-hours' }],
    },
    {
      id: 'platform',
      name: 'Extreme platform',
      role: 'platform',
      resourceKind: 'platform',
      metrics: [{ id: 'hours', kind: 'hours' }],
    },
  ],
  { locale: 'en' },
);
const periods = listPeriods(config.project);
const now = DateTime.fromISO('2025-09-01T00:00:00Z');

const HOSTILE: RawInput[] = [
  1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e-300,
  '1000000000000000M',
  '9'.repeat(400),
];

function extremeEntries(): RawEntry[] {
  const entries: RawEntry[] = [];
  periods.forEach((period, index) => {
    const at = (installationId: string, metricId: string, raw: RawInput) =>
      entries.push({ installationId, metricId, periodId: period.id as PeriodId, raw });
    const extreme = index % 2 === 0 ? MIN_NONZERO_FIGURE : MAX_PLAUSIBLE_FIGURE;
    at('big-cpu', 'hours', extreme);
    at('big-cpu', 'users', index % 2 === 0 ? 1 : MAX_PLAUSIBLE_FIGURE);
    at('big-cpu', 'country-count', index % 2 === 0 ? 1 : 250);
    at('big-gpu', 'hours', extreme);
    at('big-store', 'tb', extreme);
    at('platform', 'hours', MAX_PLAUSIBLE_FIGURE);
    at('hostile', 'hours', HOSTILE[index] ?? 1e308);
  });
  return entries;
}

const NOT_A_FIGURE = /Infinity|NaN|∞/;

function nonFiniteNumbers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value))
    return value.flatMap((item, index) => nonFiniteNumbers(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => nonFiniteNumbers(item, `${path}.${key}`));
  }
  return [];
}

describe('the most extreme accepted values, in summaries, drafts and the report', () => {
  const entries = extremeEntries();
  const outcomes = validateEntries(entries, { config, now });
  const values = acceptedValues(entries, outcomes);

  it('accepts the extremes and rejects every hostile figure, so none reaches a summary', () => {
    const hostile = outcomes.filter((outcome) => outcome.location.installationId === 'hostile');
    expect(hostile.map((outcome) => outcome.status)).toEqual(Array(periods.length).fill('rejected'));
    const others = outcomes.filter((outcome) => outcome.location.installationId !== 'hostile');
    expect(others.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect(values).toHaveLength(others.length);
  });

  it.each(['P1', 'P2', 'P6', 'PY1', 'PY3', 'CUM-P6'])('prints no Infinity, NaN or ∞ for %s', (spec) => {
    const summary = summarize(config, values, parseWindow(config.project, spec), now);
    expect(nonFiniteNumbers(summary)).toEqual([]);
    const model = buildReportModel({
      config,
      summary,
      values,
      assessments: draftAssessments(config, summary).map((draft) => ({
        installationId: draft.installationId,
        text: draft.text,
        origin: 'generated' as const,
      })),
    });
    expect(nonFiniteNumbers(model)).toEqual([]);
    const printed = [
      ...summaryHeadlines(summary),
      ...draftAssessments(config, summary).map((draft) => draft.text),
      draftExecutiveSummary(config, summary).text,
      renderMarkdown(model),
    ];
    for (const text of printed) expect(text).not.toMatch(NOT_A_FIGURE);
  });
});
