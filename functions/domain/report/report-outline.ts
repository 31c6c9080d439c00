import type { AssessmentStatus, ReportModel } from './report-model';

export interface ReportOutlineSection {
  /** "2.3"; "" for unnumbered sections (executive summary). */
  number: string;
  title: string;
  /** For installation sections: whose text the assessment is, or that it is missing. */
  assessment?: AssessmentStatus;
}

/** What the sheet's Report tab shows: the executive summary lines and the list of sections. */
export interface ReportOutline {
  title: string;
  windowId: string;
  windowLabel: string;
  /** The key figure lines (one per budget and group), then the executive summary paragraphs. */
  executiveSummary: string[];
  sections: ReportOutlineSection[];
  /** Installations whose assessment is missing: what a coordinator chases before sending the report. */
  missingAssessments: string[];
}

export function reportOutline(model: ReportModel): ReportOutline {
  return {
    title: model.documentTitle,
    windowId: model.windowId,
    windowLabel: model.windowLabel,
    executiveSummary: [...model.executiveSummary.keyFigures, ...model.executiveSummary.paragraphs],
    sections: [
      { number: '', title: 'Document description' },
      { number: '', title: 'Executive summary' },
      { number: '1', title: 'Introduction' },
      { number: '2', title: 'Installations' },
      ...model.installations.map((installation) => ({
        number: installation.number,
        title: installation.name,
        assessment: installation.assessment.status,
      })),
      { number: '3', title: 'Countries reached' },
      { number: '4', title: 'Completeness' },
    ],
    missingAssessments: model.installations
      .filter((installation) => installation.assessment.status === 'missing')
      .map((installation) => installation.name),
  };
}
