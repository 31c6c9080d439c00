import type {
  AccessResponse,
  ActingFor,
  ApplyConfigResponse,
  CalendarResponse,
  CellSubmission,
  ConfigResponse,
  ConfirmationPreview,
  ConfirmationRequest,
  ConfirmationResponse,
  ConfirmationsResponse,
  ContactsResponse,
  CurrentEntriesOfPeriodsResponse,
  EntriesResponse,
  PeriodLockView,
  PortalLinkResponse,
  RemindersResponse,
  SheetChallengeResponse,
  SheetReportResponse,
  SheetStatusResponse,
  StarterConfigResponse,
  StatusResponse,
} from '../../functions/shared/addon-contract';
import { apiPaths } from '../../functions/shared/addon-contract';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  /** Sent as "Authorization: Bearer <token>"; absent for /health. */
  token?: string;
  body?: unknown;
}

/** What came back: an HTTP answer of any status, or nothing at all (DNS, refused, timeout). */
export type HttpAnswer =
  | { kind: 'answered'; status: number; text: string }
  | { kind: 'unreachable'; reason: string };

export type HttpPort = (request: HttpRequest) => HttpAnswer;

/**
 * ok: the answer. refused: the API said no (4xx) and its sentence says why, to show as is.
 * unavailable: down, timing out, 5xx or 429: worth keeping the cells and retrying later.
 */
export type ApiResult<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'refused'; status: number; code: string; message: string; tokenAudience?: string }
  | { kind: 'unavailable'; message: string };

export interface BackendSettings {
  backendUrl: string;
  projectId: string;
}

export interface SheetBinding {
  spreadsheetId?: string;
  serviceAccountEmail?: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * What a page that is not the API said, in a few words: a proxy's or load balancer's HTML error page
 * ("502 Bad Gateway") or a web site at a mistyped backend URL. Its title, else its text without tags.
 */
function pageGist(text: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
  const words = (title ?? text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words === '') return 'an empty answer';
  return `"${words.length > 80 ? `${words.slice(0, 79)}…` : words}"`;
}

/** Not JSON: not the va-assess API answering, whatever the status says. */
const notTheApi = (status: number, text: string) =>
  `the backend answered HTTP ${status} with a page that is not the va-assess API (${pageGist(text)}): check the backend URL in Settings, or try again later`;

function errorSentence(
  status: number,
  text: string,
): { code: string; message: string; tokenAudience?: string } {
  const body = parseJson(text) as
    | { code?: unknown; message?: unknown; details?: { tokenAudience?: unknown } }
    | undefined;
  const message = typeof body?.message === 'string' ? body.message : notTheApi(status, text);
  const code = typeof body?.code === 'string' ? body.code : `http-${status}`;
  // The backend names the aud of a token it refused for its audience (the person's own token).
  const aud = body?.details?.tokenAudience;
  return typeof aud === 'string' ? { code, message, tokenAudience: aud } : { code, message };
}

/**
 * A 2xx that is not JSON (a captive portal, a web site at a mistyped URL) is "unavailable", not "ok":
 * nothing was stored, so live edits go to the outbox instead of failing on a missing field.
 */
export function interpret<T>(answer: HttpAnswer): ApiResult<T> {
  if (answer.kind === 'unreachable') return { kind: 'unavailable', message: answer.reason };
  const { status, text } = answer;
  if (status >= 200 && status < 300) {
    const value = parseJson(text);
    if (value === undefined || value === null || typeof value !== 'object') {
      return { kind: 'unavailable', message: notTheApi(status, text) };
    }
    return { kind: 'ok', value: value as T };
  }
  const { code, message, tokenAudience } = errorSentence(status, text);
  if (status >= 500 || status === 429) {
    return {
      kind: 'unavailable',
      message: message.startsWith('the backend answered')
        ? message
        : `the backend answered ${status}: ${message}`,
    };
  }
  return {
    kind: 'refused',
    status,
    code,
    message,
    ...(tokenAudience === undefined ? {} : { tokenAudience }),
  };
}

/** The API as the add-on calls it; every call is synchronous, as UrlFetchApp is. */
export class ApiClient {
  private readonly base: string;

  constructor(
    private readonly settings: BackendSettings,
    private readonly http: HttpPort,
    private readonly token: () => string,
  ) {
    this.base = settings.backendUrl.replace(/\/+$/, '');
  }

  private call<T>(method: HttpRequest['method'], path: string, body?: unknown): ApiResult<T> {
    return interpret<T>(
      this.http({
        method,
        url: `${this.base}${path}`,
        token: this.token(),
        ...(body === undefined ? {} : { body }),
      }),
    );
  }

  health(): ApiResult<{ status: string }> {
    return interpret(this.http({ method: 'GET', url: `${this.base}${apiPaths.health()}` }));
  }

  access(): ApiResult<AccessResponse> {
    return this.call('GET', apiPaths.access(this.settings.projectId));
  }

  calendar(): ApiResult<CalendarResponse> {
    return this.call('GET', apiPaths.calendar(this.settings.projectId));
  }

  postEntries(
    cells: CellSubmission[],
    actingFor?: ActingFor,
    requestId?: string,
  ): ApiResult<EntriesResponse> {
    return this.call('POST', apiPaths.entries(this.settings.projectId), {
      ...(actingFor === undefined ? {} : { actingFor }),
      ...(requestId === undefined ? {} : { requestId }),
      cells,
    });
  }

  /** Several periods in one UrlFetch; at most MAX_PERIODS_PER_REQUEST, which callers split by. */
  currentEntriesOfPeriods(periodIds: readonly string[]): ApiResult<CurrentEntriesOfPeriodsResponse> {
    return this.call('GET', apiPaths.currentEntriesOfPeriods(this.settings.projectId, periodIds));
  }

  /** The stored configuration (members only: the backend refuses anyone else). */
  config(): ApiResult<ConfigResponse> {
    return this.call('GET', apiPaths.config(this.settings.projectId));
  }

  /** A one-time value to write into this spreadsheet, proving an unlisted caller can edit it. */
  contactsChallenge(spreadsheetId: string): ApiResult<Partial<SheetChallengeResponse>> {
    return this.call('POST', apiPaths.contactsChallenge(this.settings.projectId), { spreadsheetId });
  }

  /** The coordinators' addresses, once the caller is a member or proved they edit the bound spreadsheet. */
  contacts(spreadsheetId: string): ApiResult<ContactsResponse> {
    return this.call('POST', apiPaths.contacts(this.settings.projectId), { spreadsheetId });
  }

  sheet(): ApiResult<SheetBinding> {
    return this.call('GET', apiPaths.sheet(this.settings.projectId));
  }

  /** A one-time value to write into the spreadsheet, proving the caller can edit it (see bindSheet). */
  sheetChallenge(spreadsheetId: string): ApiResult<SheetChallengeResponse> {
    return this.call('POST', apiPaths.sheetChallenge(this.settings.projectId), { spreadsheetId });
  }

  /** Binds once the backend finds this caller's challenge in the spreadsheet (server/sheet-binding.ts). */
  bindSheet(spreadsheetId: string): ApiResult<SheetBinding> {
    return this.call('PUT', apiPaths.sheet(this.settings.projectId), { spreadsheetId });
  }

  /** Create project...: the project in the settings, with a starter configuration (project creators only). */
  createStarterProject(): ApiResult<StarterConfigResponse> {
    return this.call('POST', apiPaths.configStarter(this.settings.projectId), {});
  }

  /** Writes the configuration tabs the bound spreadsheet lacks. */
  writeConfigTabs(): ApiResult<unknown> {
    return this.call('POST', apiPaths.sheetConfigTabs(this.settings.projectId), {});
  }

  /** Apply configuration: the backend reads the configuration tabs; problems come back on their cells. */
  applyConfig(): ApiResult<ApplyConfigResponse> {
    return this.call('POST', apiPaths.sheetConfig(this.settings.projectId), {});
  }

  setUpSheet(): ApiResult<unknown> {
    return this.call('POST', apiPaths.sheetSetup(this.settings.projectId), {});
  }

  writeSummary(period: string): ApiResult<unknown> {
    return this.call('POST', apiPaths.sheetSummary(this.settings.projectId, period), {});
  }

  /** Writes the window's block in the Status tab (any member): who still owes what. */
  writeStatus(period: string): ApiResult<SheetStatusResponse> {
    return this.call('POST', apiPaths.sheetStatus(this.settings.projectId, period), {});
  }

  /** Any member: who still owes what for the window, and which installations are the caller's. */
  status(period: string): ApiResult<StatusResponse> {
    return this.call('GET', apiPaths.status(this.settings.projectId, period));
  }

  /** Coordinators: one prepared reminder per editor who owes cells of the window. */
  reminders(period: string, deadline: string): ApiResult<RemindersResponse> {
    return this.call('GET', apiPaths.reminders(this.settings.projectId, period, deadline));
  }

  writeAssessments(period: string): ApiResult<unknown> {
    return this.call('POST', apiPaths.sheetAssessments(this.settings.projectId, period), {});
  }

  /** Coordinators: locks a window once its deliverable is submitted; `sheet` says what the sheet got. */
  lockPeriod(period: string, deliverable: string): ApiResult<PeriodLockView & { sheet?: string }> {
    return this.call('POST', apiPaths.lockPeriod(this.settings.projectId, period), { deliverable });
  }

  /** Coordinators: opens a locked window again, with the reason kept beside its lock. */
  reopenPeriod(period: string, reason: string): ApiResult<PeriodLockView & { sheet?: string }> {
    return this.call('POST', apiPaths.reopenPeriod(this.settings.projectId, period), { reason });
  }

  /** Writes the Report tab and answers a short-lived signed download link. */
  writeReport(period: string, format: string): ApiResult<SheetReportResponse> {
    return this.call('POST', apiPaths.sheetReport(this.settings.projectId, period, format), {});
  }

  /** What confirming an installation's period covers: values, open warnings, totals, blockers. */
  confirmationPreview(installationId: string, period: string): ApiResult<ConfirmationPreview> {
    return this.call('GET', apiPaths.confirmationPreview(this.settings.projectId, installationId, period));
  }

  /** The caller confirms under their own token: never sent by the trigger, never with actingFor. */
  confirm(request: ConfirmationRequest): ApiResult<ConfirmationResponse> {
    return this.call('POST', apiPaths.confirmations(this.settings.projectId), request);
  }

  confirmations(period: string): ApiResult<ConfirmationsResponse> {
    return this.call('GET', apiPaths.confirmations(this.settings.projectId, period));
  }

  /** A short-lived signed link to the EC portal table of a window. */
  portalLink(period: string, format: string): ApiResult<PortalLinkResponse> {
    return this.call('POST', apiPaths.portalLink(this.settings.projectId, period, format), {});
  }
}
