import type { PeriodId } from '../domain/calendar/reporting-period';
import type { MetricValue, RawInput } from '../domain/entries/metric-value';
import type { OutcomeStatus, ValidationIssue } from '../domain/validation/validation-outcome';

/** One submitted cell with its validation outcome, as the history keeps it. */
export interface SubmissionRecord {
  projectId: string;
  installationId: string;
  metricId: string;
  periodId: PeriodId;
  raw: RawInput;
  status: OutcomeStatus;
  value: MetricValue | null;
  normalized: string;
  issues: ValidationIssue[];
  /** Who typed the value; null when a document trigger could not tell. */
  editor: string | null;
  /** With no editor: the only people who could have typed the value (the protection's editors). */
  possibleEditors?: string[];
  /** The authenticated caller that sent it; differs from editor for the sheet's trigger. Default: editor. */
  submittedBy?: string | null;
  /** Default: 'direct'. */
  via?: SubmissionVia;
  /** ISO instant. */
  submittedAt: string;
  /** The client's idempotency key: the same key on the same cell is recorded once. */
  requestId: string;
  /** A coordinator's change of a cell in a locked period: the lock it amends and why. */
  amendment?: Amendment;
}

export interface Amendment {
  lockId: string;
  reason: string;
}

/** 'document-trigger': sent by the sheet's live-validation trigger on an editor's behalf. */
export type SubmissionVia = 'direct' | 'document-trigger';

export interface HistoryRecord extends SubmissionRecord {
  /** 1-based position in the cell's history. */
  version: number;
  submittedBy: string | null;
  via: SubmissionVia;
}

/** A cell's current value: the latest submission that was not rejected. */
export interface CurrentEntry {
  installationId: string;
  metricId: string;
  periodId: PeriodId;
  /** null when the latest accepted submission was an empty cell (the value was cleared). */
  value: MetricValue | null;
  raw: RawInput;
  normalized: string;
  status: OutcomeStatus;
  /** The history version this value came from. */
  version: number;
  editor: string | null;
  updatedAt: string;
  /** How many submissions the cell's history holds, rejected ones included. */
  submissions: number;
  /** Warnings and notes that came with the current value. */
  issues?: ValidationIssue[];
  /** The latest submission's outcome: "rejected" when the sheet shows a value that was not taken. */
  lastStatus?: OutcomeStatus;
  lastSubmittedAt?: string;
}

/**
 * A rejected submission newer than the current value: what the sheet most likely still shows and
 * why it was refused, so a reconcile can repeat the answer instead of sending it again.
 */
export interface LatestSubmission {
  raw: RawInput;
  status: OutcomeStatus;
  issues: ValidationIssue[];
  /** Its version in the cell's history. */
  version: number;
  submittedAt: string;
}

/** A stored cell as a reconcile sees it: the current value, if any, and a newer rejected input, if any. */
export interface StoredCell {
  installationId: string;
  metricId: string;
  periodId: PeriodId;
  current: CurrentEntry | null;
  latest: LatestSubmission | null;
}

export interface RecordedSubmission {
  /** This submission's number in the cell's history, 1-based. */
  version: number;
  /** The cell's current value after this submission (unchanged when it was rejected). */
  current: CurrentEntry | null;
  becameCurrent: boolean;
  /** The requestId had been recorded before: this is the original result and nothing was written. */
  replayed: boolean;
}

/**
 * Stored shapes. Raw inputs and parsed values are kept as JSON text: a DynamoDB number holds 38
 * digits within 1e-130..1e125, while whatever a sheet sends (1e300, 0.1 + 0.2) must come back exact.
 */
export interface CellItem {
  pk: string;
  sk: string;
  type: 'entry';
  projectId: string;
  installationId: string;
  metricId: string;
  periodId: PeriodId;
  /** The optimistic-lock counter: number of history versions. */
  submissions: number;
  lastStatus: OutcomeStatus;
  lastSubmittedAt: string;
  /**
   * The latest submission's input and issues, kept only while it is not the current value (written
   * in the submission's own transaction; absent on items from before they were kept).
   */
  lastRawJson?: string;
  lastIssues?: ValidationIssue[];
  currentVersion?: number;
  rawJson?: string;
  valueJson?: string;
  normalized?: string;
  status?: OutcomeStatus;
  issues?: ValidationIssue[];
  editor?: string | null;
  updatedAt?: string;
}

/**
 * One submission in its cell's history partition. Written at `REQUEST#<requestId>`, it is also the
 * request's idempotency record (resultJson, fingerprint); items from before that sit at `V#<version>`,
 * each with a separate RequestItem at `REQUEST#<requestId>`.
 */
export interface HistoryItem {
  pk: string;
  sk: string;
  type: 'history';
  projectId: string;
  installationId: string;
  metricId: string;
  periodId: PeriodId;
  version: number;
  rawJson: string;
  valueJson: string;
  normalized: string;
  status: OutcomeStatus;
  issues: ValidationIssue[];
  editor: string | null;
  /** With no editor: the only people who could have typed the value. Absent otherwise. */
  possibleEditors?: string[];
  /** Absent on items written before submissions could be sent on an editor's behalf. */
  submittedBy?: string | null;
  via?: SubmissionVia;
  submittedAt: string;
  requestId: string;
  /**
   * The result first returned for its requestId, kept only when it is not the item itself: a rejected
   * submission, whose cell kept its earlier current value. Absent on items at `V#<version>`.
   */
  resultJson?: string;
  /** requestFingerprint of what was submitted; absent on items at `V#<version>`. */
  fingerprint?: string;
  /** Present on a coordinator's amendment of a locked cell. */
  amendment?: Amendment;
}

/** The idempotency record of a request before history items carried it themselves. */
export interface RequestItem {
  pk: string;
  sk: string;
  type: 'request';
  requestId: string;
  resultJson: string;
  /** requestFingerprint of what was submitted; absent on records from before it was kept. */
  fingerprint?: string;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

function fromJson<T>(text: string | undefined): T {
  return (text === undefined ? null : JSON.parse(text)) as T;
}

/** The latest submission when it is not the current value and its input was kept. */
export function latestFromCell(cell: CellItem): LatestSubmission | null {
  if (cell.lastRawJson === undefined || cell.submissions === cell.currentVersion) return null;
  return {
    raw: fromJson<RawInput>(cell.lastRawJson),
    status: cell.lastStatus,
    issues: cell.lastIssues ?? [],
    version: cell.submissions,
    submittedAt: cell.lastSubmittedAt,
  };
}

export function storedCellFrom(cell: CellItem): StoredCell {
  return {
    installationId: cell.installationId,
    metricId: cell.metricId,
    periodId: cell.periodId,
    current: currentFromCell(cell),
    latest: latestFromCell(cell),
  };
}

export function currentFromCell(cell: CellItem | undefined): CurrentEntry | null {
  if (cell?.currentVersion === undefined) return null;
  return {
    installationId: cell.installationId,
    metricId: cell.metricId,
    periodId: cell.periodId,
    value: fromJson<MetricValue | null>(cell.valueJson),
    raw: fromJson<RawInput>(cell.rawJson),
    normalized: cell.normalized ?? '',
    status: cell.status ?? 'accepted',
    version: cell.currentVersion,
    editor: cell.editor ?? null,
    updatedAt: cell.updatedAt ?? '',
    submissions: cell.submissions,
    issues: cell.issues ?? [],
    lastStatus: cell.lastStatus,
    lastSubmittedAt: cell.lastSubmittedAt,
  };
}

export function historyFromItem(item: HistoryItem): HistoryRecord {
  return {
    projectId: item.projectId,
    installationId: item.installationId,
    metricId: item.metricId,
    periodId: item.periodId,
    raw: fromJson<RawInput>(item.rawJson),
    status: item.status,
    value: fromJson<MetricValue | null>(item.valueJson),
    normalized: item.normalized,
    issues: item.issues ?? [],
    editor: item.editor ?? null,
    ...(item.possibleEditors === undefined ? {} : { possibleEditors: item.possibleEditors }),
    submittedBy: item.submittedBy === undefined ? (item.editor ?? null) : item.submittedBy,
    via: item.via ?? 'direct',
    submittedAt: item.submittedAt,
    requestId: item.requestId,
    version: item.version,
    ...(item.amendment === undefined ? {} : { amendment: item.amendment }),
  };
}

/** What sits at `REQUEST#<requestId>`: a history item, or an older RequestItem. */
export type RequestRecord = HistoryItem | RequestItem;

/** The result kept with a request's record, when it holds one (a rejected submission, an older RequestItem). */
export function keptResultOf(item: RequestRecord): RecordedSubmission | undefined {
  if (item.resultJson === undefined) return undefined;
  const original = fromJson<Omit<RecordedSubmission, 'replayed'>>(item.resultJson);
  return { ...original, replayed: true };
}
