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

const PROJECT = `${API_PREFIX}/projects/:projectId`;

/**
 * Each route's path, written once: the router matches it (segments starting with ":" are parameters)
 * and apiPaths fills it in.
 */
export const routePatterns = {
  health: '/health',
  config: `${PROJECT}/config`,
  entries: `${PROJECT}/entries`,
  history: `${PROJECT}/entries/:installationId/:metricId/:periodId/history`,
  access: `${PROJECT}/access`,
  contacts: `${PROJECT}/contacts`,
  contactsChallenge: `${PROJECT}/contacts/challenge`,
  calendar: `${PROJECT}/calendar`,
  summary: `${PROJECT}/summary`,
  status: `${PROJECT}/status`,
  reminders: `${PROJECT}/reminders`,
  drafts: `${PROJECT}/drafts`,
  draft: `${PROJECT}/drafts/:installationId`,
  report: `${PROJECT}/report`,
  reportLink: `${PROJECT}/report/link`,
  sheet: `${PROJECT}/sheet`,
  sheetChallenge: `${PROJECT}/sheet/challenge`,
  sheetSetup: `${PROJECT}/sheet/setup`,
  configStarter: `${PROJECT}/config/starter`,
  sheetConfigTabs: `${PROJECT}/sheet/config-tabs`,
  sheetConfig: `${PROJECT}/sheet/config`,
  sheetSummary: `${PROJECT}/sheet/summary`,
  sheetStatus: `${PROJECT}/sheet/status`,
  sheetAssessments: `${PROJECT}/sheet/assessments`,
  sheetReport: `${PROJECT}/sheet/report`,
  diagnostics: `${PROJECT}/diagnostics`,
  locks: `${PROJECT}/locks`,
  locksReopen: `${PROJECT}/locks/reopen`,
  confirmations: `${PROJECT}/confirmations`,
  confirmationPreview: `${PROJECT}/confirmations/:installationId`,
  portal: `${PROJECT}/portal`,
  portalLink: `${PROJECT}/portal/link`,
} as const;

/** The pattern with its parameters, in order, percent-encoded: fill(routePatterns.draft, 'demo', 'ifca'). */
function fill(pattern: string, ...values: readonly string[]): string {
  const segments = pattern.split('/');
  const parameters = segments.filter((segment) => segment.startsWith(':')).length;
  if (parameters !== values.length) {
    throw new Error(`${pattern} takes ${parameters} parameters, got ${values.length}`);
  }
  let next = 0;
  return segments
    .map((segment) => (segment.startsWith(':') ? encodeURIComponent(values[next++] ?? '') : segment))
    .join('/');
}

const withPeriod = (path: string, period: string) => `${path}?period=${encodeURIComponent(period)}`;
const withFormat = (path: string, period: string, format: string) =>
  `${withPeriod(path, period)}&format=${encodeURIComponent(format)}`;

/** Paths of the API, so the add-on and the tests build them the same way. */
export const apiPaths = {
  health: () => routePatterns.health,
  config: (projectId: string) => fill(routePatterns.config, projectId),
  /** GET (coordinators): the deployment as the backend sees it, for `va-assess doctor`. */
  diagnostics: (projectId: string) => fill(routePatterns.diagnostics, projectId),
  entries: (projectId: string) => fill(routePatterns.entries, projectId),
  /** GET: the current value of every cell of one reporting period. */
  currentEntries: (projectId: string, periodId: string) =>
    withPeriod(fill(routePatterns.entries, projectId), periodId),
  /** GET: the same for several periods in one request, answered period by period. */
  currentEntriesOfPeriods: (projectId: string, periodIds: readonly string[]) =>
    `${fill(routePatterns.entries, projectId)}?periods=${periodIds.map(encodeURIComponent).join(',')}`,
  history: (projectId: string, installationId: string, metricId: string, periodId: string) =>
    fill(routePatterns.history, projectId, installationId, metricId, periodId),
  /** GET: who the caller is in the project (coordinator, partner of which installations, or none). */
  access: (projectId: string) => fill(routePatterns.access, projectId),
  /** POST {spreadsheetId}: the coordinators' addresses (contacts-contract.ts says who may learn them). */
  contacts: (projectId: string) => fill(routePatterns.contacts, projectId),
  /** POST {spreadsheetId}: a one-time value proving, once written in the spreadsheet, that the caller edits it. */
  contactsChallenge: (projectId: string) => fill(routePatterns.contactsChallenge, projectId),
  /** GET: the reporting periods and project years, with the current period. */
  calendar: (projectId: string) => fill(routePatterns.calendar, projectId),
  summary: (projectId: string, period: string) => withPeriod(fill(routePatterns.summary, projectId), period),
  /** GET: who still owes what for a window (any member: coordinators and partners read the same). */
  status: (projectId: string, period: string) => withPeriod(fill(routePatterns.status, projectId), period),
  /** GET (coordinators): one reminder per editor who owes cells of the window, quoting the deadline. */
  reminders: (projectId: string, period: string, deadline: string) =>
    `${withPeriod(fill(routePatterns.reminders, projectId), period)}&deadline=${encodeURIComponent(deadline)}`,
  drafts: (projectId: string, period: string) => withPeriod(fill(routePatterns.drafts, projectId), period),
  draft: (projectId: string, installationId: string, period: string) =>
    withPeriod(fill(routePatterns.draft, projectId, installationId), period),
  /** GET: the periodic report file (format docx, html or md). */
  report: (projectId: string, period: string, format: string) =>
    withFormat(fill(routePatterns.report, projectId), period, format),
  /** POST: a short-lived signed URL to the report, downloadable without a token (the sheet's dialog). */
  reportLink: (projectId: string, period: string, format: string) =>
    withFormat(fill(routePatterns.reportLink, projectId), period, format),
  /** GET | PUT: the spreadsheet bound to the project and the service account it must be shared with. */
  sheet: (projectId: string) => fill(routePatterns.sheet, projectId),
  /** POST (coordinators): a one-time nonce the add-on writes into the spreadsheet to prove it may edit it. */
  sheetChallenge: (projectId: string) => fill(routePatterns.sheetChallenge, projectId),
  sheetSetup: (projectId: string) => fill(routePatterns.sheetSetup, projectId),
  /** POST (a project creator): the project, with a starter configuration, when it does not exist yet. */
  configStarter: (projectId: string) => fill(routePatterns.configStarter, projectId),
  /** POST (coordinators): writes the configuration tabs that are missing from the bound spreadsheet. */
  sheetConfigTabs: (projectId: string) => fill(routePatterns.sheetConfigTabs, projectId),
  /** POST (coordinators): applies the configuration tabs (every problem on its cell, or a new revision). */
  sheetConfig: (projectId: string) => fill(routePatterns.sheetConfig, projectId),
  sheetSummary: (projectId: string, period: string) =>
    withPeriod(fill(routePatterns.sheetSummary, projectId), period),
  /** POST (any member): writes the window's block in the Status tab (Check completeness...). */
  sheetStatus: (projectId: string, period: string) =>
    withPeriod(fill(routePatterns.sheetStatus, projectId), period),
  sheetAssessments: (projectId: string, period: string) =>
    withPeriod(fill(routePatterns.sheetAssessments, projectId), period),
  /** POST (coordinators): writes the Report tab and answers a signed download link. */
  sheetReport: (projectId: string, period: string, format: string) =>
    withFormat(fill(routePatterns.sheetReport, projectId), period, format),
  /** GET: every lock of the project's periods, reopened ones included. */
  locks: (projectId: string) => fill(routePatterns.locks, projectId),
  /** POST (coordinators) `{deliverable}`: locks the window once its deliverable is submitted. */
  lockPeriod: (projectId: string, period: string) => withPeriod(fill(routePatterns.locks, projectId), period),
  /** POST (coordinators) `{reason}`: reopens the window's active lock. */
  reopenPeriod: (projectId: string, period: string) =>
    withPeriod(fill(routePatterns.locksReopen, projectId), period),
  /** GET: who confirmed which installation's figures for a period or year; POST: confirm (a listed editor). */
  confirmations: (projectId: string, period?: string) =>
    period === undefined
      ? fill(routePatterns.confirmations, projectId)
      : withPeriod(fill(routePatterns.confirmations, projectId), period),
  /** GET: what confirming an installation's period would cover: values, warnings, totals, blockers. */
  confirmationPreview: (projectId: string, installationId: string, period: string) =>
    withPeriod(fill(routePatterns.confirmationPreview, projectId, installationId), period),
  /** GET: the EC portal's Installations table of a window (format csv or xlsx). */
  portal: (projectId: string, period: string, format: string) =>
    withFormat(fill(routePatterns.portal, projectId), period, format),
  /** POST: a short-lived signed URL to the portal table, downloadable without a token (the sheet's dialog). */
  portalLink: (projectId: string, period: string, format: string) =>
    withFormat(fill(routePatterns.portalLink, projectId), period, format),
};
