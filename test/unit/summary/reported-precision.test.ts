import { DateTime } from 'luxon';
import { renderSummary } from '../../../functions/cli/render/render-summary';
import { parseWindow } from '../../../functions/domain/calendar/reporting-window';
import { draftFormat } from '../../../functions/domain/drafts/draft-format';
import { budgetKeyFigures } from '../../../functions/domain/report/budget-table';
import { toReportedPrecision } from '../../../functions/domain/summary/report-amount';
import { summarize } from '../../../functions/domain/summary/summarize';
import { imagineConfig, imagineValues } from '../../fixtures/imagine-values';

const config = imagineConfig();
const now = DateTime.fromISO('2023-10-15T09:00:00', { zone: 'Europe/Amsterdam' });
const summaryOf = (window: string) =>
  summarize(config, imagineValues(), parseWindow(config.project, window), now);
const cliText = (window: string) => renderSummary(config, summaryOf(window), 0);

describe('toReportedPrecision: a figure is no more precise than what it is computed from', () => {
  it.each([
    [993820.5, [662547], 993821],
    [1333333.33, [4000000], 1333333],
    [9811.2, [29433.6], 9811.2],
    [50.1, [33.4], 50.1],
    [33.400000000000006, undefined, 33.4],
    [1987641, undefined, 1987641],
    // A third of a baseline of 1 still shows, to one decimal, rather than reading 0.
    [0.333, [1], 0.3],
  ])('%p from %p is %p', (value, from, expected) => {
    expect(toReportedPrecision(value, from)).toBe(expected);
  });
});

describe('the summary prints projections and pro-rata baselines without stray decimals', () => {
  it('projects whole CPU-hours from whole CPU-hours (PY2: 662,547 after 24 of 36 months)', () => {
    const text = cliText('PY2');
    expect(text).toContain('straight-line projection 993,821 CPU-hours by the end');
    expect(text).toContain('straight-line projection 1,015,421 CPU-hours + GPU-hours by the end');
    expect(text).toContain('straight-line projection 50.1 TB-month by the end');
  });

  it.each([
    ['PY1', '42% of 1,333,333 pro rata'],
    ['PY1', '4% of 333,333 pro rata'],
    ['PY1', '9% of 333 pro rata'],
    ['P1', '0% of 1,931,121 pro rata'],
    ['P1', '0% of 4,905.6 pro rata'],
  ])('%s: "%s"', (window, attainment) => {
    expect(cliText(window)).toContain(attainment);
  });

  it('leaves no decimal the inputs do not carry in the summary of any window of the example', () => {
    for (const window of ['P1', 'P2', 'P3', 'PY1', 'PY2', 'CUM-P4']) {
      // Task names (T4.1) and baselines as typed (4.000.000) are text, not figures.
      const decimals = [...cliText(window).matchAll(/(?<![\w.,])\d[\d,]*\.\d+(?![\d.])/g)].map(
        (match) => match[0],
      );
      expect({
        window,
        stray: [...new Set(decimals)].filter((figure) => !FROM_DECIMAL_INPUTS.has(figure)),
      }).toEqual({ window, stray: [] });
    }
  });

  it('gives the report the same projection as the command line', () => {
    const figures = budgetKeyFigures(summaryOf('PY2'), draftFormat()).join('\n');
    expect(figures).toContain('projected 993,821 CPU-hours by M36');
  });
});

/**
 * Figures of the example that carry a decimal because their inputs do: 3.4 TB-month typed, 33.4 its
 * total, projections from it, and the 29,433.6 GPU-hours baseline of TR-FC1-ULAKBIM pro rata.
 */
const FROM_DECIMAL_INPUTS = new Set([
  '3.4',
  '33.4',
  '100.2',
  '66.8',
  '50.1',
  '29433.6',
  '4,905.6',
  '9,811.2',
  '19,622.4',
]);
