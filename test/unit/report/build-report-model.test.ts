import { DateTime } from 'luxon';
import { parseWindow } from '../../../functions/domain/calendar/reporting-window';
import { draftAssessments } from '../../../functions/domain/drafts/draft-assessments';
import { buildReportModel } from '../../../functions/domain/report/build-report-model';
import type { ReportModel, UsageChart } from '../../../functions/domain/report/report-model';
import { reportOutline } from '../../../functions/domain/report/report-outline';
import type { AssessmentSource } from '../../../functions/domain/report/resolve-assessment';
import { summarize } from '../../../functions/domain/summary/summarize';
import { imagineConfig, imagineValues } from '../../fixtures/imagine-values';

const NOW = DateTime.fromISO('2023-10-02T09:00:00Z');
const config = imagineConfig();
const values = imagineValues();

function reportWith(assessments: AssessmentSource[], period = 'PY1'): ReportModel {
  const summary = summarize(config, values, parseWindow(config.project, period), NOW);
  return buildReportModel({ config, summary, values, assessments });
}

function generatedDrafts(period = 'PY1'): AssessmentSource[] {
  const summary = summarize(config, values, parseWindow(config.project, period), NOW);
  return draftAssessments(config, summary).map((draft) => ({
    installationId: draft.installationId,
    text: draft.text,
    origin: 'generated' as const,
  }));
}

const section = (model: ReportModel, id: string) => {
  const found = model.installations.find((installation) => installation.installationId === id);
  if (found === undefined) throw new Error(`no section for ${id}`);
  return found;
};

describe('report model of the D4.2 example, PY1', () => {
  const model = reportWith(generatedDrafts());

  it('states the executive summary figures exactly as `va-assess summary` does', () => {
    const text = [...model.executiveSummary.paragraphs, ...model.executiveSummary.keyFigures].join('\n');
    expect(text).toContain('662,547 CPU-hours');
    expect(text).toContain('14,400 GPU-hours');
    expect(text).toMatch(/89% of the budgeted CPU and GPU-hours/);
    expect(text).toMatch(/98% of the budgeted storage/);
    const cpu = model.executiveSummary.budgets.rows.find((row) => row[0]?.startsWith('CPU-hours'));
    expect(cpu).toEqual([
      'CPU-hours',
      '6,000,000',
      '662,547',
      '662,547',
      '11%',
      '89%',
      'behind pro rata',
      '1,987,641 (33%)',
    ]);
    const storage = model.executiveSummary.budgets.rows.find((row) => row[0]?.startsWith('storage'));
    expect(storage?.[0]).toBe('storage [TB-month]');
  });

  it('fills the document description from the config, with defaults where it says nothing', () => {
    const rows = Object.fromEntries(
      model.documentDescription.rows.map(([label = '', value = '']) => [label, value]),
    );
    expect(rows).toMatchObject({
      Deliverable: 'D4.2',
      'Grant agreement': '101058625',
      'Document status': 'Under EC Review',
      Version: '1.0',
      Period: 'PY1 (M01–M12): 2022-09-01 to 2023-08-31',
      Authors: 'CSIC',
    });
    const bare = buildReportModel({
      config: { ...config, project: { ...config.project, report: undefined } },
      summary: summarize(config, values, parseWindow(config.project, 'PY1'), NOW),
      values,
      assessments: [],
    });
    const bareRows = Object.fromEntries(
      bare.documentDescription.rows.map(([label = '', value = '']) => [label, value]),
    );
    expect(bareRows).toMatchObject({ Deliverable: 'not set', 'Document status': 'Draft', Version: '0.1' });
    expect(bare.documentTitle).toBe('Periodical assessment of Virtual Access installations');
  });

  it('has one section per installation with every period so far and the window figure', () => {
    expect(model.installations).toHaveLength(11);
    const ifca = section(model, 'ifca-cpu');
    expect(ifca.number).toBe('2.3');
    expect(ifca.metrics.header).toEqual([
      'Metric',
      'Baseline',
      'How it is measured',
      'P1 (M01–M06)',
      'P2 (M07–M12)',
      'PY1 (M01–M12)',
    ]);
    expect(ifca.metrics.rows[0]).toEqual([
      'CPU node/hours served over the period [CPU-hours]',
      // Typed "3M": printed in the number format of the figures beside it.
      '3,000,000',
      'Collected from local accounting',
      '94,656',
      '393,888',
      '488,544',
    ]);
    // The unit only where the metric's name does not say it already.
    expect(ifca.metrics.rows.map((row) => row[0])).toContain('Number of users');
    // A P2 report still shows P1: "every period so far".
    const p2 = reportWith([], 'P2');
    expect(section(p2, 'ifca-cpu').metrics.header).toEqual(
      expect.arrayContaining(['P1 (M01–M06)', 'P2 (M07–M12)']),
    );
  });

  it("prints a person's edited text instead of the generated draft", () => {
    const edited = reportWith([
      ...generatedDrafts(),
      {
        installationId: 'ifca-cpu',
        text: 'Usage moved from DEEP-2 to AI4OS-1.\n\nThe overlap doubled the use.',
        origin: 'edited',
        editedBy: 'coordinator@imagine.example.org',
        editedAt: '2023-10-01T10:00:00Z',
      },
    ]);
    const assessment = section(edited, 'ifca-cpu').assessment;
    expect(assessment.status).toBe('edited');
    expect(assessment.paragraphs).toEqual([
      'Usage moved from DEEP-2 to AI4OS-1.',
      'The overlap doubled the use.',
    ]);
    expect(assessment.provenance).toBe('Written by coordinator@imagine.example.org on 2023-10-01');
    expect(section(edited, 'incd-cpu').assessment.status).toBe('generated');
  });

  it('marks an installation without any assessment as missing, never blank', () => {
    const partial = reportWith(generatedDrafts().filter((draft) => draft.installationId !== 'walton-cpu'));
    const walton = section(partial, 'walton-cpu').assessment;
    expect(walton.status).toBe('missing');
    expect(walton.paragraphs.join(' ')).toMatch(/Assessment missing.*PY1/);
    // A whitespace-only draft is no assessment either.
    const blank = reportWith([{ installationId: 'walton-cpu', text: '  \n ', origin: 'edited' }]);
    expect(section(blank, 'walton-cpu').assessment.status).toBe('missing');
    expect(reportOutline(partial).missingAssessments).toEqual(['WaltonCloud – CPU']);
  });

  it("draws each usage chart from the metric tables' own cells", () => {
    const usage = model.executiveSummary.charts.filter(
      (chart): chart is UsageChart => chart.kind === 'usage',
    );
    expect(usage.map((chart) => chart.budgetId)).toEqual(['cpu-hours', 'gpu-hours', 'storage-tb-month']);
    for (const chart of usage) {
      expect(chart.altText).not.toBe('');
      expect(chart.caption).toMatch(/^Figure \d+: /);
      for (const bar of chart.bars) {
        const installation = model.installations.find((item) => item.name === bar.installationName);
        const column = installation?.metrics.header.indexOf(`${bar.periodId} (${bar.periodLabel})`) ?? -1;
        const cells = installation?.metrics.rows.map((row) => row[column]) ?? [];
        expect(cells).toContain(bar.valueText);
      }
    }
    const cpu = usage[0];
    expect(
      cpu?.bars.find((bar) => bar.periodId === 'P2' && bar.installationName.startsWith('IFCA'))?.valueText,
    ).toBe('393,888');
  });

  it('ends the budget timeline at the used-to-date figures of the budget table', () => {
    const timeline = model.executiveSummary.charts.find((chart) => chart.kind === 'budget-timeline');
    if (timeline?.kind !== 'budget-timeline') throw new Error('no timeline');
    const cpu = timeline.budgets.find((budget) => budget.budgetId === 'cpu-hours');
    expect(cpu?.points.map((point) => point.month)).toEqual([0, 6, 12]);
    expect(cpu?.points[2]?.usedText).toBe('662,547');
    expect(cpu?.projectedText).toBe('1,987,641');
  });

  it('gives the sheet an outline: key figure lines and the list of sections', () => {
    const outline = reportOutline(model);
    expect(outline.executiveSummary[0]).toMatch(/^CPU-hours: 662,547 CPU-hours used in PY1/);
    expect(outline.sections.map((item) => item.number)).toEqual(
      expect.arrayContaining(['1', '2', '2.1', '2.11', '3', '4']),
    );
  });
});
