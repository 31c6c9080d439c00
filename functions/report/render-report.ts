import type { ReportFormat, ReportModel } from '../domain/report/report-model';
import { renderCharts } from './charts/render-chart';
import { renderDocx } from './docx/render-docx';
import { renderHtml } from './html/render-html';
import { renderMarkdown } from './markdown/render-markdown';

export interface RenderedReport {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** "imagine-PY1-report.docx": the project, the window and the format, safe in any file system. */
export function reportFileName(
  model: Pick<ReportModel, 'projectId' | 'windowId'>,
  format: ReportFormat,
): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${safe(model.projectId)}-${safe(model.windowId)}-report.${format}`;
}

/** One model, three files: Word and HTML draw the charts, Markdown describes them. */
export async function renderReport(model: ReportModel, format: ReportFormat): Promise<RenderedReport> {
  const fileName = reportFileName(model, format);
  const contentType = REPORT_CONTENT_TYPES[format];
  if (format === 'md') return { bytes: Buffer.from(renderMarkdown(model), 'utf8'), contentType, fileName };
  const charts = await renderCharts(model.executiveSummary.charts);
  const bytes =
    format === 'docx' ? await renderDocx(model, charts) : Buffer.from(renderHtml(model, charts), 'utf8');
  return { bytes, contentType, fileName };
}
