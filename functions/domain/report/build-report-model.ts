import { listPeriods } from '../calendar/reporting-period';
import type { ProjectConfig } from '../config/project-config-schema';
import { draftExecutiveSummary } from '../drafts/draft-executive-summary';
import { draftFormat } from '../drafts/draft-format';
import type { EntryValue } from '../entries/entry';
import { lookupValues } from '../summary/value-lookup';
import type { WindowSummary } from '../summary/window-summary';
import { budgetKeyFigures, budgetTable } from './budget-table';
import { completenessSection } from './completeness-section';
import { confirmationLines, type ReportConfirmations } from './confirmation-lines';
import { countriesSection } from './countries-section';
import { documentDescription } from './document-description';
import { installationSection } from './installation-section';
import { introductionSection } from './introduction-section';
import { reportCharts } from './report-charts';
import type { ReportClosing, ReportModel } from './report-model';
import { documentTitleOf, reportSettingsOf } from './report-settings';
import { type AssessmentSource, resolveAssessment } from './resolve-assessment';

export interface ReportInput {
  config: ProjectConfig;
  /** The window reported on, summarised from the same values. */
  summary: WindowSummary;
  /** Accepted current values of every period from P1 to the window's end: the metric tables show them all. */
  values: readonly EntryValue[];
  /** Stored drafts (a person's edit wins) or freshly generated ones; installations without any are marked missing. */
  assessments: readonly AssessmentSource[];
  /** A locked window: as of when, and the amendments since (closingSection). */
  closing?: ReportClosing;
  /** Partners' confirmations of the window's periods; without them the report says nothing of them. */
  confirmations?: ReportConfirmations;
}

/** Section 2 numbers its installations 2.1, 2.2... in config order, as the seed does. */
const INSTALLATIONS_CHAPTER = 2;

/** The whole report as data, from the configuration, the window's summary, the values and the assessments. */
export function buildReportModel(input: ReportInput): ReportModel {
  const { config, summary } = input;
  const settings = reportSettingsOf(config.project);
  const format = draftFormat(settings.locale);
  const lookup = lookupValues(input.values);
  const periodsSoFar = listPeriods(config.project).filter(
    (period) => period.lastMonth <= summary.window.lastMonth,
  );
  const numbers = new Map(
    config.installations.map((installation, index) => [
      installation.id,
      `${INSTALLATIONS_CHAPTER}.${index + 1}`,
    ]),
  );
  const summaries = new Map(summary.installations.map((item) => [item.installationId, item]));
  const confirmed =
    input.confirmations === undefined
      ? undefined
      : confirmationLines(
          config.installations.map((installation) => installation.id),
          summary.window.periods.map((period) => period.id),
          input.confirmations,
        );
  const executiveDraft = draftExecutiveSummary(config, summary, { locale: settings.locale });
  return {
    projectId: config.project.id,
    documentTitle: documentTitleOf(settings),
    projectTitle: config.project.title,
    windowLabel: summary.window.label,
    windowId: summary.window.id,
    locale: settings.locale,
    documentDescription: documentDescription(config.project, settings, summary),
    executiveSummary: {
      paragraphs: executiveDraft.text.split('\n\n').filter((paragraph) => paragraph.trim() !== ''),
      keyFigures: budgetKeyFigures(summary, format),
      budgets: budgetTable(summary, format),
      charts: reportCharts({ config, summary, periodsSoFar, lookup, format }),
    },
    introduction: introductionSection(config, summary, numbers, format),
    installations: config.installations.flatMap((installation) => {
      const installationSummary = summaries.get(installation.id);
      if (installationSummary === undefined) return [];
      return [
        installationSection({
          installation,
          summary: installationSummary,
          number: numbers.get(installation.id) ?? '',
          window: summary.window,
          periodsSoFar,
          lookup,
          assessment: resolveAssessment(installation.id, summary.window.label, input.assessments),
          format,
        }),
      ].map((section) => {
        const lines = confirmed?.get(installation.id);
        return lines === undefined ? section : { ...section, confirmations: lines };
      });
    }),
    countries: countriesSection(summary, format),
    completeness: completenessSection(summary, format),
    ...(input.closing === undefined ? {} : { closing: input.closing }),
  };
}
