import { escapeHtml } from './report-link-page';

/** What "EC portal table…" offers: the project's periods and years, the current year chosen. */
export interface PortalDialogView {
  choices: { id: string; label: string }[];
  selected: string;
}

/** What the dialog's button gets back: a signed link to the file, or the API's sentence. */
export interface PortalLinkReport {
  ok: boolean;
  message: string;
  /** Only http(s) links: a javascript: URL in an href would run in the dialog. */
  url: string;
  expiresAt: string;
  fileName: string;
}

/** The formats the portal table comes in, the workbook first (what people open and paste from). */
export const PORTAL_FORMAT_CHOICES = [
  { id: 'xlsx', label: 'Workbook (.xlsx)' },
  { id: 'csv', label: 'CSV (.csv)' },
];

export function safeLink(url: string): string {
  return /^https?:\/\//.test(url) ? url : '#';
}

/** portal.html with its choices in the markup. */
export function portalPage(template: string, view: PortalDialogView): string {
  const option = (choice: { id: string; label: string }, selected: string) =>
    `<option value="${escapeHtml(choice.id)}"${choice.id === selected ? ' selected' : ''}>${escapeHtml(choice.label)}</option>`;
  const fields: Record<string, string> = {
    __PORTAL_PERIODS__: view.choices.map((choice) => option(choice, view.selected)).join(''),
    __PORTAL_FORMATS__: PORTAL_FORMAT_CHOICES.map((choice) => option(choice, 'xlsx')).join(''),
  };
  return template.replace(/__PORTAL_[A-Z_]+__/g, (placeholder) => fields[placeholder] ?? placeholder);
}
