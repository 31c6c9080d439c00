import { draftAssessments, draftExecutiveSummary } from '../../domain/drafts';
import { summarize } from '../../domain/summary/summarize';
import { EXIT_OK } from '../cli-errors';
import type { Command } from '../command';
import { PERIOD_OPTION_HELP, PROJECT_OPTIONS_HELP, WINDOW_OPTIONS } from '../common-options';
import { loadWindowInput } from '../load-window-values';
import { renderDrafts } from '../render/render-drafts';

export const draftsCommand: Command = {
  name: 'drafts',
  summary: 'Assessment drafts per installation, grounded in the figures',
  usage: `va-assess drafts --period WINDOW (--example NAME | --config FILE --values FILE) [--json]

Writes an assessment draft for each installation (section "x.y.2 Assessment" of the report)
and one for the executive summary, from the window's figures: not used, growing, shrinking,
above or below baseline, missing values, countries reached. With --json each draft carries the
figures its text quotes.

${PERIOD_OPTION_HELP}
${PROJECT_OPTIONS_HELP}`,
  options: WINDOW_OPTIONS,
  run(options, io) {
    const input = loadWindowInput(options, io.now);
    const summary = summarize(input.config, input.values, input.window, input.now);
    const executiveSummary = draftExecutiveSummary(input.config, summary);
    const drafts = draftAssessments(input.config, summary);
    io.out(
      options.json === true
        ? JSON.stringify({ window: summary.window, executiveSummary, drafts }, null, 2)
        : renderDrafts(input.config, summary, executiveSummary, drafts),
    );
    return EXIT_OK;
  },
};
