import { validateBaselines } from '../../domain/validation/validate-baselines';
import { validateEntries } from '../../domain/validation/validate-entries';
import type { ValidationOutcome } from '../../domain/validation/validation-outcome';
import { EXIT_FINDINGS, EXIT_OK } from '../cli-errors';
import type { Command } from '../command';
import { nowOption, PROJECT_OPTIONS, PROJECT_OPTIONS_HELP, projectSourceOptions } from '../common-options';
import { loadProject, resolveProjectFiles } from '../project-files';
import { countFindings, renderFindings } from '../render/render-findings';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check every baseline and value; exit 1 when any is rejected',
  usage: `va-assess validate (--example NAME | --config FILE --values FILE) [--json] [--now DATE]

Checks each baseline of the configuration and each value of the metrics table against the
validation rules (see \`va-assess rules\`). Prints every error, warning and note with the
installation, metric, period and cell it sits in. Exits 1 when a value or baseline is rejected.

${PROJECT_OPTIONS_HELP}`,
  options: PROJECT_OPTIONS,
  run(options, io) {
    const files = resolveProjectFiles(projectSourceOptions(options));
    const { config, entries } = loadProject(files);
    const now = nowOption(options, io.now);
    const outcomes: ValidationOutcome[] = [
      ...validateBaselines(config),
      ...validateEntries(entries, { config, now }),
    ];
    const counts = countFindings(outcomes);
    if (options.json === true) {
      io.out(
        JSON.stringify(
          {
            project: config.project.id,
            checked: { baselines: outcomes.length - entries.length, values: entries.length },
            counts,
            outcomes: outcomes.filter((outcome) => outcome.issues.length > 0),
          },
          null,
          2,
        ),
      );
    } else {
      io.out(renderFindings(config.project.title, outcomes, entries.length));
    }
    return counts.rejected > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};
