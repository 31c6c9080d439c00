import type { ApplyConfigResponse, ConfigTabProblem } from '../../functions/shared/addon-contract';
import { OUTCOME_COLOURS } from '../../functions/shared/addon-contract';
import { activeSpreadsheet, alertUser, apiFor, askUser, documentProperties, toast } from './apps-script';
import { builtBackend, readSettings, requireSettings, saveSettings } from './settings';
import { bindThisSpreadsheet } from './sheet-binding';

/** Cells the last Apply configuration noted, so the next one clears exactly those and nothing else. */
const NOTED_KEY = 'va-assess.configProblemCells';
const PROJECT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const TABS_SENTENCE =
  'Fill the tabs Project, Budgets, Budget groups, Installations and Metric definitions (overwrite the example rows; each column is explained under its header), then run Extensions › va-assess › Apply configuration.';

/**
 * Create project...: asks for the project id, has the backend create the project (the deployment
 * decides who may: PROJECT_CREATORS), binds this spreadsheet to it and has the configuration tabs
 * written. No JSON, token or URL is typed: the build knows its backend.
 */
export function createProject(): void {
  const existing = readSettings();
  if (existing !== undefined) {
    alertUser(
      `This spreadsheet is already connected to project "${existing.projectId}". A new project needs a new, empty spreadsheet.`,
    );
    return;
  }
  const backendUrl = builtBackend();
  if (backendUrl === '') {
    alertUser('This build of the add-on names no backend: open Extensions › va-assess › Settings first.');
    return;
  }
  const projectId = askUser(
    'Create project',
    'Project id: lowercase letters, digits and dashes, e.g. "north-sea". It never changes.',
  );
  if (projectId === undefined) return;
  if (!PROJECT_ID.test(projectId)) {
    alertUser(
      `The project was not created: found "${projectId}", expected lowercase letters, digits and dashes.`,
    );
    return;
  }
  const settings = { backendUrl, projectId };
  const api = apiFor(settings);
  toast(`Creating project "${projectId}"…`, 'Create project');
  const created = api.createStarterProject();
  if (created.kind !== 'ok') {
    alertUser(`The project was not created: ${created.message}`);
    return;
  }
  saveSettings(settings);
  const bound = bindThisSpreadsheet(api, activeSpreadsheet());
  if (bound.kind !== 'ok') {
    alertUser(
      `Project "${projectId}" was created, but this spreadsheet was not bound to it: ${bound.message}`,
    );
    return;
  }
  const written = api.writeConfigTabs();
  if (written.kind !== 'ok') {
    alertUser(`Project "${projectId}" was created, but its tabs were not written: ${written.message}`);
    return;
  }
  alertUser(`Project "${projectId}" is created, and you are its coordinator. ${TABS_SENTENCE}`);
}

interface NotedCell {
  sheetId: number;
  row: number;
  column: number;
}

function notedCells(): NotedCell[] {
  try {
    return JSON.parse(documentProperties().getAll()[NOTED_KEY] ?? '[]') as NotedCell[];
  } catch {
    return [];
  }
}

function cellRange(cell: NotedCell) {
  return activeSpreadsheet().getSheetById(cell.sheetId)?.getRange(cell.row, cell.column);
}

/** The notes of the last apply come off; every problem now is noted on its own cell, painted red. */
function paintProblems(problems: readonly ConfigTabProblem[]): void {
  for (const cell of notedCells()) {
    const range = cellRange(cell);
    range?.setNote(null);
    range?.setBackground(null);
  }
  // Two problems of one cell (a missing column and its header, say) share its note.
  const byCell = new Map<string, { cell: NotedCell; messages: string[] }>();
  for (const problem of problems) {
    const key = `${problem.sheetId}:${problem.row}:${problem.column}`;
    const found = byCell.get(key) ?? {
      cell: { sheetId: problem.sheetId, row: problem.row, column: problem.column },
      messages: [],
    };
    found.messages.push(problem.message);
    byCell.set(key, found);
  }
  const noted: NotedCell[] = [];
  for (const { cell, messages } of byCell.values()) {
    const range = cellRange(cell);
    if (range === undefined) continue;
    range.setNote(messages.join('\n\n'));
    range.setBackground(OUTCOME_COLOURS.rejected);
    noted.push(cell);
  }
  documentProperties().setAll({ [NOTED_KEY]: JSON.stringify(noted) });
}

function appliedSentence(answer: Extract<ApplyConfigResponse, { applied: true }>): string {
  return [
    ...answer.notices,
    `The configuration is applied (revision ${answer.revision}): ${answer.installations} installation(s), ${answer.metrics} metric(s). The Metrics tab is up to date and every typed value is kept. Next, if not done yet: Extensions › va-assess › Enable live validation.`,
  ].join('\n\n');
}

/**
 * Apply configuration: the backend reads the configuration tabs and either stores them as the next
 * revision (and brings the Metrics tab up to date) or answers every problem, each noted on its cell.
 * Whether this person may apply is the backend's answer (a partner gets its 403 sentence).
 */
export function applyConfiguration(): void {
  const settings = requireSettings();
  toast('Reading the configuration tabs…', 'Apply configuration');
  const answer = apiFor(settings).applyConfig();
  if (answer.kind !== 'ok') {
    alertUser(`The configuration was not applied: ${answer.message}`);
    return;
  }
  const result = answer.value;
  paintProblems(result.applied ? [] : result.problems);
  if (result.applied) {
    alertUser(appliedSentence(result));
    return;
  }
  const count = result.problems.length;
  alertUser(
    [
      `The configuration was not applied: ${count} problem${count === 1 ? '' : 's'} to fix, each noted on its cell (red). Nothing was stored.`,
      ...result.problems.slice(0, 20).map((problem) => `${problem.a1}: ${problem.message}`),
      ...(count > 20 ? [`…and ${count - 20} more, noted on their cells.`] : []),
    ].join('\n'),
  );
}
