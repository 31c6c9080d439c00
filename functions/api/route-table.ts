import type { Route } from './route';
import { getAccessRoute } from './routes/get-access';
import { getCalendarRoute } from './routes/get-calendar';
import { getConfigRoute } from './routes/get-config';
import { getConfirmationPreviewRoute } from './routes/get-confirmation-preview';
import { getConfirmationsRoute } from './routes/get-confirmations';
import { getCurrentEntriesRoute } from './routes/get-current-entries';
import { getDiagnosticsRoute } from './routes/get-diagnostics';
import { getDraftsRoute } from './routes/get-drafts';
import { getEntryHistoryRoute } from './routes/get-entry-history';
import { getPortalRoute } from './routes/get-portal';
import { getRemindersRoute } from './routes/get-reminders';
import { getReportRoute } from './routes/get-report';
import { getSheetRoute } from './routes/get-sheet';
import { getStatusRoute } from './routes/get-status';
import { getSummaryRoute } from './routes/get-summary';
import { healthRoute } from './routes/health';
import { getLocksRoute, postLockRoute, postReopenRoute } from './routes/locks';
import { postConfigStarterRoute } from './routes/post-config-starter';
import { postConfirmationRoute } from './routes/post-confirmation';
import { postContactsChallengeRoute, postContactsRoute } from './routes/post-contacts';
import { postDraftsRoute } from './routes/post-drafts';
import { postEntriesRoute } from './routes/post-entries';
import { postPortalLinkRoute } from './routes/post-portal-link';
import { postReportLinkRoute } from './routes/post-report-link';
import { postSheetAssessmentsRoute } from './routes/post-sheet-assessments';
import { postSheetChallengeRoute } from './routes/post-sheet-challenge';
import { postSheetConfigRoute } from './routes/post-sheet-config';
import { postSheetConfigTabsRoute } from './routes/post-sheet-config-tabs';
import { postSheetReportRoute } from './routes/post-sheet-report';
import { postSheetSetupRoute } from './routes/post-sheet-setup';
import { postSheetStatusRoute } from './routes/post-sheet-status';
import { postSheetSummaryRoute } from './routes/post-sheet-summary';
import { putConfigRoute } from './routes/put-config';
import { putDraftRoute } from './routes/put-draft';
import { putSheetRoute } from './routes/put-sheet';

/** Every route of the API; docs/deploy.md lists them with their status codes. */
export const ROUTES: readonly Route[] = [
  healthRoute,
  getConfigRoute,
  putConfigRoute,
  postEntriesRoute,
  getCurrentEntriesRoute,
  getAccessRoute,
  postContactsChallengeRoute,
  postContactsRoute,
  getCalendarRoute,
  getEntryHistoryRoute,
  getSummaryRoute,
  getStatusRoute,
  getRemindersRoute,
  getDraftsRoute,
  postDraftsRoute,
  putDraftRoute,
  getReportRoute,
  postReportLinkRoute,
  getSheetRoute,
  putSheetRoute,
  postSheetChallengeRoute,
  postSheetSetupRoute,
  postSheetSummaryRoute,
  postSheetStatusRoute,
  postSheetAssessmentsRoute,
  postSheetReportRoute,
  postConfigStarterRoute,
  postSheetConfigTabsRoute,
  postSheetConfigRoute,
  getDiagnosticsRoute,
  getLocksRoute,
  postLockRoute,
  postReopenRoute,
  getConfirmationsRoute,
  postConfirmationRoute,
  getConfirmationPreviewRoute,
  getPortalRoute,
  postPortalLinkRoute,
];
