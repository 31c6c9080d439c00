import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { draftAssessments } from '../../domain/drafts/draft-assessments';
import { buildReportModel } from '../../domain/report/build-report-model';
import { REPORT_FORMATS, type ReportFormat } from '../../domain/report/report-model';
import { reportSettingsOf } from '../../domain/report/report-settings';
import { summarize } from '../../domain/summary/summarize';
import { renderReport } from '../../report/render-report';
import { EXIT_OK, InputFileError, UsageError } from '../cli-errors';
import type { Command } from '../command';
import { PERIOD_OPTION_HELP, PROJECT_OPTIONS_HELP, stringOption, WINDOW_OPTIONS } from '../common-options';
import { loadWindowInput } from '../load-window-values';

function formatOption(value: string | undefined): ReportFormat {
  const format = (value ?? 'docx').trim().toLowerCase();
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `--format "${value}" is not a report format: expected ${REPORT_FORMATS.join(', ')}.`,
    );
  }
  return format as ReportFormat;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'The periodic report (Word, HTML or Markdown) with tables, assessments and charts',
  usage: `va-assess report --period WINDOW (--example NAME | --config FILE --values FILE)
                 [--format docx|html|md] [--out FILE] [--json]

Writes the periodic report for a window, shaped like the D4.2 deliverable: document description,
executive summary (totals, % of each budget still available, pace, projection, charts),
introduction, one section per installation (description, metrics for every period so far, the
window's figure, assessment), countries reached and completeness. The assessments are drafted
from the figures (the API's report uses the stored drafts and a person's edits instead).

${PERIOD_OPTION_HELP}
  --format FORMAT        docx (default), html (one self-contained file) or md
  --out FILE             where to write it (default: <project>-<window>-report.<format> here)
  --json                 print the report model as JSON instead of writing a file
${PROJECT_OPTIONS_HELP}`,
  options: { ...WINDOW_OPTIONS, format: { type: 'string' }, out: { type: 'string' } },
  async run(options, io) {
    const format = formatOption(stringOption(options, 'format'));
    const input = loadWindowInput(options, io.now);
    const summary = summarize(input.config, input.values, input.window, input.now);
    const { locale } = reportSettingsOf(input.config.project);
    const model = buildReportModel({
      config: input.config,
      summary,
      values: input.values,
      assessments: draftAssessments(input.config, summary, { locale }).map((draft) => ({
        installationId: draft.installationId,
        text: draft.text,
        origin: 'generated' as const,
      })),
    });
    if (options.json === true) {
      io.out(JSON.stringify(model, null, 2));
      return EXIT_OK;
    }
    const report = await renderReport(model, format);
    const path = resolve(stringOption(options, 'out') ?? report.fileName);
    try {
      writeFileSync(path, report.bytes);
    } catch (error) {
      throw new InputFileError(path, `cannot write the report (${(error as Error).message})`);
    }
    io.out(
      `Wrote ${path} (${report.bytes.length.toLocaleString('en-GB')} bytes): ${model.documentTitle}, ${model.windowLabel}` +
        (input.rejectedCells > 0
          ? `; ${input.rejectedCells} rejected cell(s) left out (see va-assess validate)`
          : ''),
    );
    return EXIT_OK;
  },
};
