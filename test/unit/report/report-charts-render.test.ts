import type { BudgetTimelineChart, UsageChart } from '../../../functions/domain/report/report-model';
import { renderChart } from '../../../functions/report/charts/render-chart';

const LONG_NAME = 'Very Long National Research Infrastructure Federated Cloud – Storage (Tier 1)';

function usageChart(names: string[]): UsageChart {
  return {
    kind: 'usage',
    id: 'usage-storage',
    budgetId: 'storage',
    unit: 'TB-month',
    title: 'Storage per installation and period',
    caption: 'Figure 2: storage',
    altText: 'bars',
    bars: names.flatMap((installationName, index) => [
      { installationName, periodId: 'P1', periodLabel: 'M01–M06', value: 0, valueText: '0' },
      {
        installationName,
        periodId: 'P2',
        periodLabel: 'M07–M12',
        value: 10 + index,
        valueText: `${10 + index}`,
      },
    ]),
  };
}

const timeline: BudgetTimelineChart = {
  kind: 'budget-timeline',
  id: 'budget-timeline',
  title: 'Budget used against time',
  caption: 'Figure 1: budgets',
  altText: 'lines',
  durationMonths: 36,
  monthsElapsed: 12,
  budgets: [
    {
      budgetId: 'cpu',
      label: 'CPU-hours',
      points: [
        { month: 0, usedPercent: 0, usedText: '0' },
        { month: 6, usedPercent: 2, usedText: '100' },
        { month: 12, usedPercent: 11, usedText: '600' },
      ],
      projectedPercent: 33,
      projectedText: '1,800',
    },
  ],
};

/** The text of every <text> element of the SVG, multi-line labels as their lines. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((match) =>
    (match[1] ?? '')
      .replace(/<tspan[^>]*>/g, ' ')
      .replace(/<\/tspan>/g, '')
      .trim(),
  );
}

describe('report charts as drawn', () => {
  it('draws a stroked line sample for each line style in the budget chart legend', async () => {
    const { svg } = await renderChart(timeline);
    const legend = svg.slice(svg.indexOf('>used<') - 2000, svg.indexOf('>pro rata<'));
    const samples = [...legend.matchAll(/role-legend-symbol[^>]*><path([^>]*)>/g)].map(
      (match) => match[1] ?? '',
    );
    const dashes = samples.map((attributes) => /stroke-dasharray="([^"]+)"/.exec(attributes)?.[1]);
    expect(dashes.slice(-3)).toEqual(['1,0', '6,4', '2,2']);
    for (const attributes of samples.slice(-3)) expect(attributes).toMatch(/ stroke="#333"/);
  });

  it('keeps a long installation name whole on the usage chart axis, wrapped over lines', async () => {
    const { svg } = await renderChart(usageChart([LONG_NAME, 'INCD – CPU']));
    const all = texts(svg).join(' ').replace(/\s+/g, ' ');
    expect(all).not.toContain('…');
    expect(all).toContain(LONG_NAME);
  });

  it('labels every bar with its table value, so a zero bar still reads 0', async () => {
    const { svg } = await renderChart(usageChart(['INCD – CPU']));
    expect(texts(svg)).toEqual(expect.arrayContaining(['0', '10', 'P1 (M01–M06)', 'P2 (M07–M12)']));
  });
});
