import { type ReportLinkView, reportLinkPage } from '../core/report-link-page';

/** The download dialog; it replaces the period picker that asked for the report. */
export function showReportLinkDialog(view: ReportLinkView): void {
  const template = HtmlService.createHtmlOutputFromFile('report-link').getContent();
  const output = HtmlService.createHtmlOutput(reportLinkPage(template, view)).setWidth(440).setHeight(360);
  SpreadsheetApp.getUi().showModalDialog(output, `va-assess: report of ${view.windowId}`);
}
