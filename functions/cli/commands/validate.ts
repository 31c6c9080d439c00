import { basename } from 'node:path';
import { validateBaselines } from '../../domain/validation/validate-baselines';
import { validateEntries } from '../../domain/validation/validate-entries';
import { EXIT_CONFIG_FINDINGS, EXIT_FINDINGS, EXIT_OK } from '../cli-errors';
import type { Command } from '../command';
import { nowOption, PROJECT_OPTIONS, PROJECT_OPTIONS_HELP, projectSourceOptions } from '../common-options';
import { loadProject, resolveProjectFiles } from '../project-files';
import { countFindings, renderFindings } from '../render/render-findings';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check every baseline and value; exit 1 when a value is rejected, 3 when only a baseline is',
  usage: `va-assess validate (--example NAME | --config FILE --values FILE) [--json] [--now DATE]

Checks each baseline of the configuration and each value of the metrics table against the
validation rules (see \`va-assess rules\`). Prints every error, warning and note with the
installation, metric, period and cell it sits in, in two sections: the configuration's
baselines (the coordinator's to fix) and the values of the data (the partners').

Exit codes:
  0  every value and every baseline is accepted (warnings and notes may remain)
  1  the data holds rejected values: they are left out of summaries, drafts and reports
  2  the command could not run (bad arguments, unreadable or invalid files)
  3  the values are all accepted, but the configuration has a rejected baseline: no comparison
     is made with it (the example does: "SP" is not a country code)

${PROJECT_OPTIONS_HELP}`,
  options: PROJECT_OPTIONS,
  run(options, io) {
    const files = resolveProjectFiles(projectSourceOptions(options));
    const { config, entries } = loadProject(files);
    const now = nowOption(options, io.now);
    const baselines = validateBaselines(config);
    const values = validateEntries(entries, { config, now });
    const counts = { baselines: countFindings(baselines), values: countFindings(values) };
    if (options.json === true) {
      io.out(
        JSON.stringify(
          {
            project: config.project.id,
            checked: { baselines: baselines.length, values: values.length },
            counts,
            outcomes: {
              baselines: baselines.filter((outcome) => outcome.issues.length > 0),
              values: values.filter((outcome) => outcome.issues.length > 0),
            },
          },
          null,
          2,
        ),
      );
    } else {
      io.out(
        renderFindings({
          title: config.project.title,
          baselines,
          values,
          valuesSource: basename(files.valuesPath),
        }),
      );
    }
    if (counts.values.rejected > 0) return EXIT_FINDINGS;
    return counts.baselines.rejected > 0 ? EXIT_CONFIG_FINDINGS : EXIT_OK;
  },
};
