/**
 * Everything that crosses from the backend to the Sheets add-on, and the only module of functions/
 * that sheets-addon/ imports (test/unit/house/boundaries.test.ts holds it to that): the API's request
 * and response types, its paths and limits, the Metrics tab's anchors and colours, and the cell note
 * wording. Pure: it re-exports modules that import no Node module, and the contract's types only as
 * types, so that zod never enters the add-on's bundle.
 */
export {
  apiPaths,
  MAX_BODY_BYTES,
  MAX_CELLS_PER_REQUEST,
  MAX_PERIODS_PER_REQUEST,
  MAX_RAW_TEXT_LENGTH,
} from '../contract/api-paths';
export type {
  ApplyConfigResponse,
  ConfigTabProblem,
  StarterConfigResponse,
} from '../contract/config-tabs-contract';
export type {
  ConfirmationPreview,
  ConfirmationRequest,
  ConfirmationResponse,
  ConfirmationStatusView,
  ConfirmationsResponse,
} from '../contract/confirmation-contract';

export type {
  AccessResponse,
  ActingFor,
  CalendarResponse,
  CellOutcome,
  CellSubmission,
  ConfigResponse,
  ContactsResponse,
  CurrentEntriesOfPeriodsResponse,
  CurrentEntryView,
  EntriesResponse,
  LatestSubmissionView,
  RawInput,
  SheetChallengeResponse,
  SheetReportResponse,
  UnstoredCellView,
} from '../contract/contract';
export type { PeriodLockView } from '../contract/lock-contract';
export type { PortalLinkResponse } from '../contract/portal-contract';
export type { RemindersResponse, SheetStatusResponse, StatusResponse } from '../contract/status-contract';
export type { InstallationStatus, PeriodStatus } from '../domain/completeness/period-status';
export { percentText } from '../domain/completeness/status-table';
export { unvalidatedEntryKey } from '../domain/entries/entry-key';
export { columnLetter } from '../domain/import/a1-notation';
export {
  ANCHOR_KEYS,
  type EntryRowKey,
  entryRowValue,
  KEY_COLUMN_HEADER,
  KEY_COLUMN_ID,
  OUTCOME_COLOURS,
  parseEntryRowValue,
  periodIdOfHeader,
} from '../sheets/layout/anchors';
export { type CellPaint, groupThousands, paintForOutcome, shown } from '../sheets/layout/outcome-paint';
