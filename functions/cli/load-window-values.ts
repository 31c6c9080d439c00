import type { DateTime } from 'luxon';
import type { ReportingWindow } from '../domain/calendar/reporting-window';
import { parseWindow } from '../domain/calendar/reporting-window';
import type { ProjectConfig } from '../domain/config/project-config-schema';
import { acceptedValues } from '../domain/entries/accepted-values';
import type { EntryValue } from '../domain/entries/entry';
import { validateEntries } from '../domain/validation/validate-entries';
import type { OptionValues } from './command';
import { nowOption, projectSourceOptions, requiredStringOption } from './common-options';
import { loadProject, resolveProjectFiles } from './project-files';

export interface WindowInput {
  config: ProjectConfig;
  window: ReportingWindow;
  values: EntryValue[];
  /** Cells left out because validation rejected them: the figures are computed without them. */
  rejectedCells: number;
  now: DateTime;
}

/** What `summary` and `drafts` share: the project, the window asked for, and the values validation accepted. */
export function loadWindowInput(options: OptionValues, fallbackNow: DateTime): WindowInput {
  const periodSpec = requiredStringOption(
    options,
    'period',
    'say which window, e.g. --period P2, PY1 or CUM-P3',
  );
  const { config, entries } = loadProject(resolveProjectFiles(projectSourceOptions(options)));
  const window = parseWindow(config.project, periodSpec);
  const now = nowOption(options, fallbackNow);
  const outcomes = validateEntries(entries, { config, now });
  return {
    config,
    window,
    values: acceptedValues(entries, outcomes),
    rejectedCells: outcomes.filter((outcome) => outcome.status === 'rejected').length,
    now,
  };
}
