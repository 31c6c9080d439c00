import type { TopLevelSpec } from 'vega-lite';
import { periodHeading } from '../../domain/report/period-heading';
import type { BudgetTimelineChart, ReportChart, UsageChart } from '../../domain/report/report-model';
import { wrapLabel } from './wrap-label';

/** The font shipped in fonts/: the same glyph widths wherever the report is drawn (a Lambda has no system fonts). */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

const WIDTH = 560;
const PRO_RATA = 'pro rata';
const USED = 'used';
const PROJECTION = 'projection';
/** Grey: the pro-rata line is a reference, not a budget, so it takes no budget colour. */
const REFERENCE_COLOUR = '#8a8a8a';
const LABEL_FONT_SIZE = 10;
/**
 * Installation names wrap at this many characters. Headless vega has no canvas and estimates every
 * character at 0.8 em, wider than DejaVu Sans really is: a one-line name of 40 characters would take
 * 320 px, so either the plot shrinks or vega cuts the name with an ellipsis. Wrapped, names stay whole.
 */
const LABEL_LINE_CHARS = 24;
const LABEL_LINE_HEIGHT = LABEL_FONT_SIZE + 2;
/** Axis labels are one string per installation; "\n" marks where the wrapped name breaks. */
const LINE_BREAK = '\n';

const config = {
  font: CHART_FONT_FAMILY,
  view: { stroke: null },
  axis: { labelFontSize: LABEL_FONT_SIZE, titleFontSize: 11 },
  legend: { labelFontSize: LABEL_FONT_SIZE, titleFontSize: 11, orient: 'bottom' as const },
};

function usageSpec(chart: UsageChart): TopLevelSpec {
  const periods = [...new Set(chart.bars.map((bar) => bar.periodId))].length;
  const names = [...new Set(chart.bars.map((bar) => bar.installationName))];
  const lines = Math.max(1, ...names.map((name) => wrapLabel(name, LABEL_LINE_CHARS).length));
  // With yOffset the step is one period's bar; an installation's bars together leave room for its wrapped name.
  const step = Math.max(14, Math.ceil((lines * LABEL_LINE_HEIGHT + 6) / Math.max(1, periods)));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config,
    title: chart.title,
    width: WIDTH - LABEL_LINE_CHARS * LABEL_FONT_SIZE,
    height: { step },
    data: {
      values: chart.bars.map((bar) => ({
        installation: wrapLabel(bar.installationName, LABEL_LINE_CHARS).join(LINE_BREAK),
        period: periodHeading(bar),
        value: bar.value,
        // The metric table's own cell: a 0 bar has no length, its label still says 0.
        valueText: bar.valueText,
      })),
    },
    encoding: {
      y: {
        field: 'installation',
        type: 'nominal',
        sort: null,
        title: null,
        axis: { labelLimit: 0, labelExpr: `split(datum.label, '\\n')`, labelLineHeight: LABEL_LINE_HEIGHT },
      },
      yOffset: { field: 'period', type: 'nominal', sort: null },
      x: { field: 'value', type: 'quantitative', title: chart.unit, axis: { format: ',~r' } },
    },
    layer: [
      {
        mark: { type: 'bar', tooltip: false },
        encoding: { color: { field: 'period', type: 'nominal', sort: null, title: 'Period' } },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 3, fontSize: 9, fill: '#333' },
        encoding: { text: { field: 'valueText', type: 'nominal' } },
      },
    ],
  };
}

interface TimelineRow {
  budget: string;
  line: string;
  month: number;
  percent: number;
}

function budgetRows(chart: BudgetTimelineChart): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const budget of chart.budgets) {
    for (const point of budget.points) {
      rows.push({ budget: budget.label, line: USED, month: point.month, percent: point.usedPercent });
    }
    const last = budget.points[budget.points.length - 1];
    if (last !== undefined && chart.durationMonths > last.month) {
      rows.push({ budget: budget.label, line: PROJECTION, month: last.month, percent: last.usedPercent });
      rows.push({
        budget: budget.label,
        line: PROJECTION,
        month: chart.durationMonths,
        percent: budget.projectedPercent,
      });
    }
  }
  return rows;
}

function timelineSpec(chart: BudgetTimelineChart): TopLevelSpec {
  const budgets = budgetRows(chart);
  const proRata: TimelineRow[] = [
    { budget: PRO_RATA, line: PRO_RATA, month: 0, percent: 0 },
    { budget: PRO_RATA, line: PRO_RATA, month: chart.durationMonths, percent: 100 },
  ];
  const top = Math.max(100, ...budgets.map((row) => row.percent));
  // Ticks at the period ends, named as the report names months (M06, M12...).
  const periodMonths = chart.budgets[0]?.points[1]?.month ?? 6;
  const ticks: number[] = [];
  for (let month = 0; month <= chart.durationMonths; month += periodMonths) ticks.push(month);
  const x = {
    field: 'month',
    type: 'quantitative' as const,
    title: 'Project month',
    scale: { domain: [0, chart.durationMonths] },
    axis: { values: ticks, labelExpr: "'M' + pad(datum.value, 2, '0', 'left')" },
  };
  const y = {
    field: 'percent',
    type: 'quantitative' as const,
    title: 'Budget used',
    scale: { domain: [0, top] },
    axis: { labelExpr: "datum.label + '%'" },
  };
  // The dash tells use so far, projection and pro rata apart, whatever the colour: one legend for both layers.
  const strokeDash = {
    field: 'line',
    type: 'nominal' as const,
    title: 'Line',
    scale: {
      domain: [USED, PROJECTION, PRO_RATA],
      range: [
        [1, 0],
        [6, 4],
        [2, 2],
      ],
    },
    legend: {
      symbolType: 'stroke',
      symbolSize: 400,
      symbolStrokeWidth: 2,
      // The budget lines' points make vega-lite fill the symbols and stroke none; a line sample needs a stroke.
      symbolFillColor: 'transparent',
      symbolStrokeColor: '#333',
      encode: { symbols: { update: { stroke: { value: '#333' }, fill: { value: 'transparent' } } } },
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: { ...config, legend: { ...config.legend, symbolType: 'stroke' } },
    title: chart.title,
    width: WIDTH - 80,
    height: 260,
    layer: [
      {
        data: { values: proRata },
        mark: { type: 'line', color: REFERENCE_COLOUR },
        encoding: { x, y, strokeDash },
      },
      {
        data: { values: budgets },
        mark: { type: 'line', point: true },
        encoding: {
          x,
          y,
          strokeDash,
          color: { field: 'budget', type: 'nominal', title: 'Budget', sort: null },
        },
      },
    ],
  };
}

/** A declarative vega-lite spec for each chart of the report model; the data are the model's own numbers. */
export function chartSpec(chart: ReportChart): TopLevelSpec {
  return chart.kind === 'usage' ? usageSpec(chart) : timelineSpec(chart);
}
