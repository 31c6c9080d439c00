import type { SheetReportResponse } from '../../functions/shared/addon-contract';

/** What report-link.html shows: the fields of POST .../sheet/report it needs. */
export type ReportLinkView = Pick<
  SheetReportResponse,
  'url' | 'expiresAt' | 'format' | 'windowId' | 'missingAssessments'
>;

const FORMAT_NAMES: Record<string, string> = { docx: 'Word', html: 'HTML', md: 'Markdown' };

/** The formats "Generate report..." offers, Word first (what the EC receives). */
export const REPORT_FORMAT_CHOICES = [
  { id: 'docx', label: 'Word (.docx)' },
  { id: 'html', label: 'Web page (.html)' },
  { id: 'md', label: 'Markdown (.md)' },
];

/** Apps Script has no HTML escaping of its own that works on a whole page we fill by hand. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function missingHtml(missing: readonly string[]): string {
  if (missing.length === 0) return '<p class="ok">Every installation has its assessment.</p>';
  const items = missing.map((name) => `<li>${escapeHtml(name)}</li>`).join('');
  return [
    `<p class="warn">Assessment missing for ${missing.length} installation${missing.length === 1 ? '' : 's'}; the report marks ${missing.length === 1 ? 'its section' : 'their sections'} as missing:</p>`,
    `<ul>${items}</ul>`,
    '<p>Draft assessments... writes drafts for them; generate the report again afterwards.</p>',
  ].join('\n');
}

/**
 * report-link.html with the link in its markup (not only in script), so it works even before its
 * script runs. Only http(s) URLs are linked: the backend's answer is trusted, yet a javascript: URL in
 * an href would run in the dialog.
 */
export function reportLinkPage(template: string, view: ReportLinkView): string {
  const url = /^https?:\/\//.test(view.url) ? view.url : '#';
  const fields: Record<string, string> = {
    __REPORT_URL__: escapeHtml(url),
    __REPORT_FORMAT__: escapeHtml(FORMAT_NAMES[view.format] ?? view.format),
    __REPORT_WINDOW__: escapeHtml(view.windowId),
    __REPORT_EXPIRES_AT__: escapeHtml(view.expiresAt),
    __REPORT_MISSING__: missingHtml(view.missingAssessments),
  };
  return template.replace(/__REPORT_[A-Z_]+__/g, (placeholder) => fields[placeholder] ?? placeholder);
}
