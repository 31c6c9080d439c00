/**
 * Paths and limits of the API, free of zod and of every Node import: the Apps Script add-on bundles
 * this file, while importing only types from contract.ts keeps zod and luxon out of its bundle.
 */
export const API_PREFIX = '/v1';

/** A pasted range larger than this is refused whole (413): the add-on splits bigger pastes. */
export const MAX_CELLS_PER_REQUEST = 500;
/** Any request body above 1 MiB is refused (413) before it is parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Google Sheets holds at most 50,000 characters in a cell; anything longer did not come from one. */
export const MAX_RAW_TEXT_LENGTH = 50_000;
/**
 * GET entries?periods= answers at most this many periods (one DynamoDB Query each, run in parallel);
 * the add-on splits longer lists, which also keeps its URLs short.
 */
export const MAX_PERIODS_PER_REQUEST = 30;

const project = (projectId: string) => `${API_PREFIX}/projects/${encodeURIComponent(projectId)}`;
const withPeriod = (path: string, period: string) => `${path}?period=${encodeURIComponent(period)}`;

/** Paths of the API, so the add-on and the tests build them the same way. */
export const apiPaths = {
  health: () => '/health',
  config: (projectId: string) => `${project(projectId)}/config`,
  entries: (projectId: string) => `${project(projectId)}/entries`,
  /** GET: the current value of every cell of one reporting period. */
  currentEntries: (projectId: string, periodId: string) =>
    withPeriod(`${project(projectId)}/entries`, periodId),
  /** GET: the same for several periods in one request, answered period by period. */
  currentEntriesOfPeriods: (projectId: string, periodIds: readonly string[]) =>
    `${project(projectId)}/entries?periods=${periodIds.map(encodeURIComponent).join(',')}`,
  history: (projectId: string, installationId: string, metricId: string, periodId: string) =>
    `${API_PREFIX}/projects/${[projectId, 'entries', installationId, metricId, periodId]
      .map(encodeURIComponent)
      .join('/')}/history`,
  /** GET: who the caller is in the project (coordinator, partner of which installations, or none). */
  access: (projectId: string) => `${project(projectId)}/access`,
  /** GET: the reporting periods and project years, with the current period. */
  calendar: (projectId: string) => `${project(projectId)}/calendar`,
  summary: (projectId: string, period: string) => withPeriod(`${project(projectId)}/summary`, period),
  drafts: (projectId: string, period: string) => withPeriod(`${project(projectId)}/drafts`, period),
  draft: (projectId: string, installationId: string, period: string) =>
    withPeriod(`${project(projectId)}/drafts/${encodeURIComponent(installationId)}`, period),
  /** GET: the periodic report file (format docx, html or md). */
  report: (projectId: string, period: string, format: string) =>
    `${withPeriod(`${project(projectId)}/report`, period)}&format=${encodeURIComponent(format)}`,
  /** POST: a short-lived signed URL to the report, downloadable without a token (the sheet's dialog). */
  reportLink: (projectId: string, period: string, format: string) =>
    `${withPeriod(`${project(projectId)}/report/link`, period)}&format=${encodeURIComponent(format)}`,
  /** GET | PUT: the spreadsheet bound to the project and the service account it must be shared with. */
  sheet: (projectId: string) => `${project(projectId)}/sheet`,
  /** POST (coordinators): a one-time nonce the add-on writes into the spreadsheet to prove it may edit it. */
  sheetChallenge: (projectId: string) => `${project(projectId)}/sheet/challenge`,
  sheetSetup: (projectId: string) => `${project(projectId)}/sheet/setup`,
  sheetSummary: (projectId: string, period: string) =>
    withPeriod(`${project(projectId)}/sheet/summary`, period),
  sheetAssessments: (projectId: string, period: string) =>
    withPeriod(`${project(projectId)}/sheet/assessments`, period),
  /** POST (coordinators): writes the Report tab and answers a signed download link. */
  sheetReport: (projectId: string, period: string, format: string) =>
    `${withPeriod(`${project(projectId)}/sheet/report`, period)}&format=${encodeURIComponent(format)}`,
};
