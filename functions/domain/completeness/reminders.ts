import { periodHeading } from '../report/period-heading';
import type { OwedCell, PeriodStatus } from './period-status';

/** One message to one editor: what they owe, where, and by when. The coordinator may edit it before sending. */
export interface ReminderMessage {
  to: string;
  subject: string;
  body: string;
  installationIds: string[];
  /** How many cells the message lists. */
  cells: number;
}

export interface ReminderInput {
  /** As the coordinator typed it, e.g. "Friday 15 May" or "2026-05-15": quoted, not interpreted. */
  deadline: string;
  /** The project's name as partners know it, for the subject. */
  projectName: string;
}

function cellLine(cell: OwedCell): string {
  const where = `${cell.metricLabel}, ${periodHeading(cell)}`;
  return cell.state === 'rejected'
    ? `  - ${where}: refused. ${cell.reason ?? ''}`.trimEnd()
    : `  - ${where}: empty`;
}

/**
 * One message per editor who owes at least one cell of the window (empty or refused), listing per
 * installation they edit each cell with the reason a value was refused, and the deadline. Editors
 * owing nothing get no message, nor do cells of a locked period; an installation without editors
 * cannot be chased by mail.
 */
export function prepareReminders(status: PeriodStatus, input: ReminderInput): ReminderMessage[] {
  // A locked period's cells are closed: a partner's value there would be refused.
  const closed = new Set((status.closed ?? []).map((period) => period.periodId));
  const open = status.installations
    .map((installation) => ({
      ...installation,
      owed: installation.owed.filter((cell) => !closed.has(cell.periodId)),
    }))
    .filter((installation) => installation.owed.length > 0);
  const messages = status.byEditor.map((debt) => {
    const installations = open.filter((installation) =>
      debt.installationIds.includes(installation.installationId),
    );
    const sections = installations.map(
      (installation) =>
        `${installation.name} (${installation.owed.length} to complete):\n${installation.owed.map(cellLine).join('\n')}`,
    );
    const cells = installations.reduce((total, installation) => total + installation.owed.length, 0);
    return {
      to: debt.editor,
      subject: `${input.projectName}: ${cells} ${cells === 1 ? 'value' : 'values'} still needed for ${status.window.label} by ${input.deadline}`,
      body: [
        'Hello,',
        '',
        `For ${status.window.label}, the values below are still missing or were refused by the validator. Please enter or correct them in the project's spreadsheet by ${input.deadline}.`,
        '',
        ...sections.flatMap((section) => [section, '']),
        'Thank you.',
      ].join('\n'),
      installationIds: installations.map((installation) => installation.installationId),
      cells,
    };
  });
  return messages.filter((message) => message.cells > 0);
}
