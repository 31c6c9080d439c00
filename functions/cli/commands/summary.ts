import { summaryAsReported } from '../../domain/summary/reported-budgets';
import { summarize } from '../../domain/summary/summarize';
import { EXIT_OK } from '../cli-errors';
import type { Command } from '../command';
import { PERIOD_OPTION_HELP, PROJECT_OPTIONS_HELP, WINDOW_OPTIONS } from '../common-options';
import { loadWindowInput } from '../load-window-values';
import { renderSummary } from '../render/render-summary';

export const summaryCommand: Command = {
  name: 'summary',
  summary: 'Totals per resource, % of budget used and still available, per installation figures',
  usage: `va-assess summary --period WINDOW (--example NAME | --config FILE --values FILE) [--json]

Summarises a window: totals per budget and budget group, % of the budget used and still
available, used share against elapsed time (pro rata) and a straight-line projection to the
project's end; per installation each metric, its baseline attainment and trend; countries
reached (a set union); users (never added up); what is missing, and from whom.
Rejected values are left out of the figures (run \`va-assess validate\` to see them).

${PERIOD_OPTION_HELP}
${PROJECT_OPTIONS_HELP}`,
  options: WINDOW_OPTIONS,
  run(options, io) {
    const input = loadWindowInput(options, io.now);
    const summary = summarize(input.config, input.values, input.window, input.now);
    io.out(
      options.json === true
        ? JSON.stringify({ ...summaryAsReported(summary), rejectedCells: input.rejectedCells }, null, 2)
        : renderSummary(input.config, summary, input.rejectedCells),
    );
    return EXIT_OK;
  },
};
