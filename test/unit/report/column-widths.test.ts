import { columnWidths } from '../../../functions/report/docx/column-widths';

describe('Word table column widths', () => {
  it('gives figures their full width and the long metric name the rest, instead of equal columns', () => {
    const widths = columnWidths(
      {
        header: ['Metric', 'Baseline', 'P1 (M01–M06)'],
        rows: [
          ['CPU node/hours served over the period [CPU-hours]', '3,000,000', '94,656'],
          ['Number of users', '200', '20'],
        ],
      },
      9000,
      80,
    );
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(9000, -1);
    const [metric = 0, baseline = 0, period = 0] = widths;
    expect(metric).toBeGreaterThan(baseline);
    // "3,000,000" (9 characters) plus the cell's margins fits: 80 characters over 9,000 twips.
    expect(baseline).toBeGreaterThanOrEqual((11 / 80) * 9000 - 1);
    expect(period).toBeGreaterThanOrEqual((12 / 80) * 9000 - 1);
  });

  it('keeps key-value tables to a narrow label column', () => {
    expect(columnWidths({ header: [], rows: [['Task', 'T4.1']] }, 1000, 80)).toEqual([280, 720]);
  });
});
