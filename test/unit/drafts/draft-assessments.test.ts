import { DateTime } from 'luxon';
import type { PeriodId } from '../../../functions/domain/calendar/reporting-period';
import { parseWindow } from '../../../functions/domain/calendar/reporting-window';
import type { ProjectConfig } from '../../../functions/domain/config';
import {
  type AssessmentDraft,
  type DraftBase,
  draftAssessments,
  draftExecutiveSummary,
} from '../../../functions/domain/drafts';
import type { EntryValue } from '../../../functions/domain/entries/entry';
import type { MetricValue } from '../../../functions/domain/entries/metric-value';
import { summarize } from '../../../functions/domain/summary/summarize';
import { imagineConfig, imagineValues, imagineValuesWithout, number } from '../../fixtures/imagine-values';

const config = imagineConfig();
const now = DateTime.fromISO('2023-10-15T09:00:00', { zone: 'Europe/Amsterdam' });

function draftsFor(window: string, values: EntryValue[] = imagineValues(), project: ProjectConfig = config) {
  const summary = summarize(project, values, parseWindow(project.project, window), now);
  return {
    summary,
    drafts: draftAssessments(project, summary),
    executive: draftExecutiveSummary(project, summary),
  };
}

function draftOf(drafts: readonly AssessmentDraft[], installationId: string): AssessmentDraft {
  const draft = drafts.find((candidate) => candidate.installationId === installationId);
  if (draft === undefined) throw new Error(`no draft for ${installationId}`);
  return draft;
}

/** The seed's values with some cells replaced. */
function withValues(...changes: [string, string, PeriodId, MetricValue][]): EntryValue[] {
  return imagineValues().map((value) => {
    const change = changes.find(
      ([installationId, metricId, periodId]) =>
        value.installationId === installationId && value.metricId === metricId && value.periodId === periodId,
    );
    return change === undefined ? value : { ...value, value: change[3] };
  });
}

function expectFiguresQuoted(draft: DraftBase) {
  for (const figure of draft.figures) {
    expect({ id: figure.id, quoted: draft.text.includes(figure.text) }).toEqual({
      id: figure.id,
      quoted: true,
    });
  }
}

describe('draftAssessments: the seed, P2 (M07–M12)', () => {
  const { drafts } = draftsFor('P2');

  it('drafts all 11 installations, in config order, for P2', () => {
    expect(drafts.map((draft) => draft.installationId)).toEqual(config.installations.map((item) => item.id));
    expect(drafts).toHaveLength(11);
    expect(new Set(drafts.map((draft) => draft.windowId))).toEqual(new Set(['P2']));
  });

  it.each([
    ['walton-cpu', 'WaltonCloud – CPU'],
    ['walton-storage', 'WaltonCloud – Storage'],
    ['tr-fc1-ulakbim', 'TR-FC1-ULAKBIM'],
    ['incd-gpu', 'INCD-GPU'],
    ['ai-as-a-service', 'iMagine – AI Applications as a Service'],
  ])('says %s was not used', (installationId, name) => {
    const draft = draftOf(drafts, installationId);
    expect(draft.text).toContain(
      `The ${name} installation was not used in this period (M07–M12): all its usage metrics are 0.`,
    );
    expect(draft.situations).toContain('not-used');
    expect(draft.situations).not.toContain('used');
  });

  it("follows the numbers: IFCA-CSIC CPU grew from 94,656 to 393,888 (+316%), whatever the seed's text says", () => {
    const draft = draftOf(drafts, 'ifca-cpu');
    expect(draft.text).toContain(
      'As can be seen, usage grew from 94,656 CPU-hours in P1 (M01–M06) to 393,888 CPU-hours in P2 (M07–M12), an increase of 316%.',
    );
    expect(draft.situations).toEqual(expect.arrayContaining(['used', 'growing']));
    expect(draft.figures).toContainEqual(
      expect.objectContaining({ id: 'ifca-cpu/cpu-hours/change', text: '316%', periods: ['P1', 'P2'] }),
    );
  });

  it('says IFCA-CSIC GPU decreased, with from, to, periods and change', () => {
    const draft = draftOf(drafts, 'ifca-gpu');
    expect(draft.text).toContain(
      'usage decreased from 10,800 GPU-hours in P1 (M01–M06) to 3,600 GPU-hours in P2 (M07–M12), a decrease of 67%.',
    );
    expect(draft.situations).toContain('shrinking');
  });

  it('says INCD CPU started in P2', () => {
    const draft = draftOf(drafts, 'incd-cpu');
    expect(draft.text).toContain(
      'usage started in P2 (M07–M12) with 174,003 CPU-hours, after 0 CPU-hours in P1 (M01–M06).',
    );
    expect(draft.situations).toContain('started');
  });

  it('compares with the baseline pro rata: 3M over 36 months is 500,000 for 6 months, and 393,888 is below it', () => {
    const draft = draftOf(drafts, 'ifca-cpu');
    expect(draft.text).toContain(
      'Pro rata, its baseline of 3,000,000 CPU-hours over the project amounts to 500,000 CPU-hours for the 6 months of P2 (M07–M12); the 393,888 CPU-hours delivered are 79% of it, below the baseline.',
    );
    expect(draft.situations).toContain('below-baseline');
  });

  it('keeps the comparator of a "> 100" baseline in words', () => {
    expect(draftOf(drafts, 'incd-storage').text).toContain(
      'its baseline of more than 100 TB-month over the project amounts to more than 17 TB-month for the 6 months',
    );
  });

  it('quotes the period its countries figure covers, with the users, and the countries beyond the baseline', () => {
    const draft = draftOf(drafts, 'ifca-cpu');
    expect(draft.text).toContain(
      'In P2 (M07–M12) the installation served 16 users from 7 countries (FR, BE, ES, IE, DE, SK, NL).',
    );
    expect(draft.text).toContain('3 countries were reached beyond the baseline: IE, DE, NL.');
    expect(draft.situations).toEqual(expect.arrayContaining(['countries-reached', 'new-countries']));
  });

  it('says when a baseline could not be read instead of comparing with it', () => {
    expect(draftOf(drafts, 'ai-development').text).toContain(
      'The baseline of the names of countries reach ("SP, PT, FR, US, DE, UK, SK, CZ, CH, AU") could not be read, so no comparison is made.',
    );
  });

  it('records every number and label the text quotes as a figure', () => {
    for (const draft of drafts) expectFiguresQuoted(draft);
  });

  it('is deterministic', () => {
    expect(draftsFor('P2').drafts).toEqual(drafts);
  });
});

describe('draftAssessments: the seed, PY1 (M01–M12)', () => {
  const { drafts } = draftsFor('PY1');

  it('gives the union of countries for the year and says which figure covers which periods', () => {
    const draft = draftOf(drafts, 'ai-development');
    expect(draft.text).toContain(
      "Over PY1 (M01–M12) its users came from 9 countries (FR, BE, ES, IT, PT, IE, DE, SK, NL), the union of the periods' lists (6 in P1 (M01–M06) and 7 in P2 (M07–M12)).",
    );
    expect(draftOf(drafts, 'ifca-cpu').text).toContain(
      'In P2 (M07–M12) alone, the installation served 16 users from 7 countries.',
    );
  });

  it('quotes the stock of AI models developed as 5 for the year, not 10', () => {
    expect(draftOf(drafts, 'ai-development').text).toContain(
      'The number of AI models developed was 5 in P1 (M01–M06) and 5 in P2 (M07–M12); the figure for PY1 (M01–M12) is 5 (the latest value',
    );
  });

  it('gives the year total with each period', () => {
    expect(draftOf(drafts, 'ifca-cpu').text).toContain(
      'It delivered 488,544 CPU-hours over PY1 (M01–M12): 94,656 in P1 (M01–M06) and 393,888 in P2 (M07–M12).',
    );
  });

  it('says "not used in this project year" for the idle installations', () => {
    expect(draftOf(drafts, 'walton-cpu').text).toContain(
      'The WaltonCloud – CPU installation was not used in this project year (M01–M12): all its usage metrics are 0.',
    );
  });

  it('records every figure it quotes', () => {
    for (const draft of drafts) expectFiguresQuoted(draft);
  });
});

describe('draftAssessments: situations beyond the seed', () => {
  it.each<[string, string, DraftBase['situations'][number], string[], EntryValue[]]>([
    [
      'above the baseline pro rata',
      'ifca-cpu',
      'above-baseline',
      ['the 600,000 CPU-hours delivered are 120% of it, above the baseline.'],
      withValues(['ifca-cpu', 'cpu-hours', 'P2', number(600000)]),
    ],
    [
      'usage stopped',
      'ifca-gpu',
      'stopped',
      [
        'The IFCA-CSIC Scientific Cloud – GPU installation was not used in this period (M07–M12): all its usage metrics are 0.',
        'usage stopped: it went from 10,800 GPU-hours in P1 (M01–M06) to 0 GPU-hours in P2 (M07–M12).',
      ],
      withValues(['ifca-gpu', 'gpu-hours', 'P2', number(0)]),
    ],
    [
      'stable usage',
      'ifca-gpu',
      'stable',
      ['usage was stable: 3,600 GPU-hours in P1 (M01–M06) and 3,600 GPU-hours in P2 (M07–M12).'],
      withValues(['ifca-gpu', 'gpu-hours', 'P1', number(3600)]),
    ],
    [
      'a missing value',
      'ifca-cpu',
      'values-missing',
      ['Values are still missing for: Number of users (P2 (M07–M12)). The figures above leave them out.'],
      imagineValuesWithout(['ifca-cpu', 'users', 'P2']),
    ],
    [
      'a missing previous value',
      'ifca-cpu',
      'used',
      [
        'The change since P1 (M01–M06) cannot be given, as its value for the CPU node/hours served over the period is missing.',
      ],
      imagineValuesWithout(['ifca-cpu', 'cpu-hours', 'P1']),
    ],
    [
      'usage values missing',
      'walton-cpu',
      'usage-unknown',
      [
        'Whether the WaltonCloud – CPU installation was used in this period (M07–M12) cannot be established yet, as usage values are missing (see below).',
        'Values are still missing for: CPU/hours served over the period (P2 (M07–M12)).',
      ],
      imagineValuesWithout(['walton-cpu', 'cpu-hours', 'P2']),
    ],
  ])('%s', (_, installationId, situation, sentences, values) => {
    const draft = draftOf(draftsFor('P2', values).drafts, installationId);
    for (const sentence of sentences) expect(draft.text).toContain(sentence);
    expect(draft.situations).toContain(situation);
    expectFiguresQuoted(draft);
  });

  it('has no earlier period to compare P1 with, and says so', () => {
    const draft = draftOf(draftsFor('P1').drafts, 'ifca-cpu');
    expect(draft.text).toContain(
      "As P1 (M01–M06) is the project's first period, there is no earlier period to compare with.",
    );
    expect(draft.situations).toContain('first-period');
    expect(draft.text).not.toContain('grew');
  });

  it('compares the last two periods of a cumulative window', () => {
    const { drafts } = draftsFor('CUM-P2');
    const draft = draftOf(drafts, 'ifca-cpu');
    expect(draft.windowId).toBe('CUM-P2');
    expect(draft.text).toContain('was used in the project so far (M01–M12).');
    expect(draft.text).toContain('usage grew from 94,656 CPU-hours in P1 (M01–M06)');
    for (const item of drafts) expectFiguresQuoted(item);
  });

  it('prints numbers in the locale asked for', () => {
    const summary = summarize(config, imagineValues(), parseWindow(config.project, 'P2'), now);
    const [draft] = draftAssessments(config, summary, { locale: 'de-DE' }).filter(
      (item) => item.installationId === 'ifca-cpu',
    );
    expect(draft?.text).toContain('393.888');
  });
});

describe('draftExecutiveSummary', () => {
  it("gives the seed year totals and what is left, as the seed's executive summary does", () => {
    const { executive } = draftsFor('PY1');
    expect(executive.text).toContain(
      'In PY1 (M01–M12), CSIC and LIP/INCD together delivered 662,547 CPU-hours, 14,400 GPU-hours and 33.4 TB-month.',
    );
    expect(executive.text).toContain(
      '89% of the budgeted CPU and GPU-hours, and 98% of the budgeted storage are still available for the remaining 24 months (M13–M36).',
    );
    expect(executive.figures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'budget/cpu-hours/used-in-window',
          text: '662,547 CPU-hours',
          value: 662547,
        }),
        expect.objectContaining({
          id: 'budget/storage-tb-month/used-in-window',
          text: '33.4 TB-month',
          value: 33.4,
        }),
        expect.objectContaining({ id: 'budget/compute/available-percent', text: '89%' }),
        expect.objectContaining({ id: 'budget/storage/available-percent', text: '98%' }),
      ]),
    );
    expectFiguresQuoted(executive);
  });

  it('names the idle installations, the countries union and the users lower bound', () => {
    const { executive } = draftsFor('PY1');
    expect(executive.text).toContain(
      'The following installations were not used in PY1 (M01–M12): iMagine – AI Applications as a Service, INCD-GPU, TR-FC1-ULAKBIM, WaltonCloud – CPU and WaltonCloud – Storage.',
    );
    expect(executive.text).toContain(
      'users came from 9 countries over PY1 (M01–M12) (FR, BE, ES, IT, PT, IE, DE, SK, NL)',
    );
    expect(executive.text).toContain('The installations served at least 20 users');
  });

  it('separates a period from what has been used since the start', () => {
    const { executive } = draftsFor('P2');
    expect(executive.text).toContain(
      'In P2 (M07–M12), CSIC and LIP/INCD together delivered 567,891 CPU-hours, 3,600 GPU-hours and 33.4 TB-month.',
    );
    expect(executive.text).toContain(
      'Since the start of the project (M01–M12), 662,547 CPU-hours, 14,400 GPU-hours and 33.4 TB-month have been delivered.',
    );
    expectFiguresQuoted(executive);
  });

  it('flags missing values and budgets nothing counts toward', () => {
    const project = structuredClone(config);
    project.project.budgets.push({ id: 'fpga-hours', label: 'FPGA-hours', unit: 'FPGA-hours', amount: 100 });
    const { executive } = draftsFor('PY1', imagineValuesWithout(['incd-cpu', 'cpu-hours', 'P2']), project);
    expect(executive.text).toContain(
      'No metric counts toward the budgeted FPGA-hours, so its use is not measured.',
    );
    expect(executive.text).toContain(
      'Some values counting toward the budgeted CPU-hours are missing, so the figures above are lower bounds.',
    );
    expect(executive.text).toContain(
      '1 of the 90 values expected for PY1 (M01–M12) is still missing (99% complete)',
    );
    expect(executive.situations).toEqual(expect.arrayContaining(['budget-not-measured', 'values-missing']));
    expectFiguresQuoted(executive);
  });
});
