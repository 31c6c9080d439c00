import type { Route } from './route';
import { getConfigRoute } from './routes/get-config';
import { getDraftsRoute } from './routes/get-drafts';
import { getEntryHistoryRoute } from './routes/get-entry-history';
import { getSummaryRoute } from './routes/get-summary';
import { healthRoute } from './routes/health';
import { postDraftsRoute } from './routes/post-drafts';
import { postEntriesRoute } from './routes/post-entries';
import { putConfigRoute } from './routes/put-config';
import { putDraftRoute } from './routes/put-draft';

/** Every route of the API; docs/deploy.md lists them with their status codes. */
export const ROUTES: readonly Route[] = [
  healthRoute,
  getConfigRoute,
  putConfigRoute,
  postEntriesRoute,
  getEntryHistoryRoute,
  getSummaryRoute,
  getDraftsRoute,
  postDraftsRoute,
  putDraftRoute,
];
