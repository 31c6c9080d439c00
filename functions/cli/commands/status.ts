import { parseWindow } from '../../domain/calendar/reporting-window';
import { buildPeriodStatus } from '../../domain/completeness/build-period-status';
import { cellsFromOutcomes } from '../../domain/completeness/cells-from-outcomes';
import {
  INSTALLATION_STATUS_HEADERS,
  installationStatusRow,
  OWED_CELL_HEADERS,
  owedCellRows,
  type StatusCell,
  statusHeadline,
} from '../../domain/completeness/status-table';
import { validateEntries } from '../../domain/validation/validate-entries';
import { EXIT_OK } from '../cli-errors';
import type { Command } from '../command';
import {
  nowOption,
  PERIOD_OPTION_HELP,
  PROJECT_OPTIONS_HELP,
  projectSourceOptions,
  requiredStringOption,
  WINDOW_OPTIONS,
} from '../common-options';
import { loadProject, resolveProjectFiles } from '../project-files';
import { textTable } from '../render/text-table';

const asText = (row: readonly StatusCell[]): string[] => row.map(String);

export const statusCommand: Command = {
  name: 'status',
  summary: 'Who still owes what for a window: cells per installation by state, worst first',
  usage: `va-assess status --period WINDOW (--example NAME | --config FILE --values FILE) [--json]

Completeness of a window, as the sheet's Status tab shows it: per installation (worst first) the
expected cells (its metrics for each of the window's periods), accepted, with warnings, rejected,
still empty, who owes them and whether the figures are confirmed; then every empty or rejected
cell with the reason. A values file says neither who typed a value nor when.

${PERIOD_OPTION_HELP}
${PROJECT_OPTIONS_HELP}`,
  options: WINDOW_OPTIONS,
  run(options, io) {
    const periodSpec = requiredStringOption(
      options,
      'period',
      'say which window, e.g. --period P3, PY1 or CUM-P3',
    );
    const { config, entries } = loadProject(resolveProjectFiles(projectSourceOptions(options)));
    const window = parseWindow(config.project, periodSpec);
    const now = nowOption(options, io.now);
    const cells = cellsFromOutcomes(entries, validateEntries(entries, { config, now }));
    const status = buildPeriodStatus(config, window, cells, now);
    if (options.json === true) {
      io.out(JSON.stringify(status, null, 2));
      return EXIT_OK;
    }
    const owed = owedCellRows(status);
    io.out(
      [
        statusHeadline(status),
        '',
        textTable(INSTALLATION_STATUS_HEADERS, status.installations.map(installationStatusRow).map(asText)),
        '',
        owed.length === 0 ? 'No value is owed.' : `Still owed (${owed.length}):`,
        ...(owed.length === 0 ? [] : [textTable(OWED_CELL_HEADERS, owed.map(asText))]),
      ].join('\n'),
    );
    return EXIT_OK;
  },
};
