import type { TopLevelSpec } from 'vega-lite';
import type { BudgetTimelineChart, ReportChart, UsageChart } from '../../domain/report/report-model';

/** The font shipped in fonts/: the same glyph widths wherever the report is drawn (a Lambda has no system fonts). */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

const WIDTH = 560;
const PRO_RATA = 'pro rata';
const LABEL_WIDTH = 300;

const config = {
  font: CHART_FONT_FAMILY,
  view: { stroke: null },
  axis: { labelFontSize: 10, titleFontSize: 11 },
  legend: { labelFontSize: 10, titleFontSize: 11, orient: 'bottom' as const },
};

function usageSpec(chart: UsageChart): TopLevelSpec {
  const periods = [...new Set(chart.bars.map((bar) => bar.periodId))].length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config,
    title: chart.title,
    width: WIDTH - LABEL_WIDTH,
    height: { step: Math.max(14, periods * 6) },
    data: {
      values: chart.bars.map((bar) => ({
        installation: bar.installationName,
        period: `${bar.periodId} ${bar.periodLabel}`,
        value: bar.value,
      })),
    },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      y: {
        field: 'installation',
        type: 'nominal',
        sort: null,
        title: null,
        axis: { labelLimit: LABEL_WIDTH - 10 },
      },
      yOffset: { field: 'period', type: 'nominal', sort: null },
      x: { field: 'value', type: 'quantitative', title: chart.unit, axis: { format: ',~r' } },
      color: { field: 'period', type: 'nominal', sort: null, title: 'Period' },
    },
  };
}

function timelineSpec(chart: BudgetTimelineChart): TopLevelSpec {
  const rows: { budget: string; line: string; month: number; percent: number }[] = [
    { budget: PRO_RATA, line: PRO_RATA, month: 0, percent: 0 },
    { budget: PRO_RATA, line: PRO_RATA, month: chart.durationMonths, percent: 100 },
  ];
  for (const budget of chart.budgets) {
    for (const point of budget.points) {
      rows.push({ budget: budget.label, line: 'used', month: point.month, percent: point.usedPercent });
    }
    const last = budget.points[budget.points.length - 1];
    if (last !== undefined && chart.durationMonths > last.month) {
      rows.push({ budget: budget.label, line: 'projection', month: last.month, percent: last.usedPercent });
      rows.push({
        budget: budget.label,
        line: 'projection',
        month: chart.durationMonths,
        percent: budget.projectedPercent,
      });
    }
  }
  const top = Math.max(100, ...rows.map((row) => row.percent));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: { ...config, legend: { ...config.legend, symbolType: 'stroke' } },
    title: chart.title,
    width: WIDTH - 80,
    height: 260,
    data: { values: rows },
    mark: { type: 'line', point: true },
    encoding: {
      x: {
        field: 'month',
        type: 'quantitative',
        title: 'Project month',
        scale: { domain: [0, chart.durationMonths] },
      },
      y: { field: 'percent', type: 'quantitative', title: '% of budget used', scale: { domain: [0, top] } },
      // Color names the budget; the dash tells its use so far from its projection: one line each.
      color: { field: 'budget', type: 'nominal', title: 'Budget', sort: null },
      strokeDash: {
        field: 'line',
        type: 'nominal',
        title: 'Line',
        legend: { symbolStrokeColor: '#333' },
        scale: {
          domain: ['used', 'projection', PRO_RATA],
          range: [
            [1, 0],
            [6, 4],
            [2, 2],
          ],
        },
      },
    },
  };
}

/** A declarative vega-lite spec for each chart of the report model; the data are the model's own numbers. */
export function chartSpec(chart: ReportChart): TopLevelSpec {
  return chart.kind === 'usage' ? usageSpec(chart) : timelineSpec(chart);
}
