import type { Execution } from '../execution';
import type { AlertRecord, DialogRecord, MenuRecord } from '../host-views';

const NO_UI_HERE = 'Cannot call SpreadsheetApp.getUi() from this context.';

/** What the Ui showed, and the answers a test scripted for the next alerts and prompts. */
export interface UiRecords {
  menus: MenuRecord[];
  alerts: AlertRecord[];
  dialogs: DialogRecord[];
  alertAnswers: string[];
  promptAnswers: { button: string; text: string }[];
}

/** The host's side of SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs. */
export function uiOperations(records: UiRecords) {
  return {
    /** SpreadsheetApp.getUi(): there is no UI to show anything in for an installable trigger. */
    'ui.get': (execution: Execution) => {
      if (execution.mode === 'installable-trigger') throw new Error(NO_UI_HERE);
    },
    'ui.alert': (execution: Execution, title: string, message: string, buttons: string) => {
      const answer = records.alertAnswers.shift() ?? defaultAnswer(buttons);
      records.alerts.push({ user: execution.activeUser, title, message, buttons, answer });
      return answer;
    },
    'ui.prompt': (execution: Execution, title: string, message: string, buttons: string) => {
      const scripted = records.promptAnswers.shift();
      const answer = scripted ?? { button: defaultAnswer(buttons), text: '' };
      records.alerts.push({
        user: execution.activeUser,
        title,
        message,
        buttons,
        answer: answer.button,
        prompt: answer.text,
      });
      return answer;
    },
    'ui.menu': (execution: Execution, menu: Omit<MenuRecord, 'user'>) => {
      records.menus.push({ user: execution.activeUser, ...menu });
    },
    'ui.show': (execution: Execution, dialog: Omit<DialogRecord, 'user'>) => {
      records.dialogs.push({ user: execution.activeUser, ...dialog });
    },
  };
}

/** What a person clicks when the test scripted nothing: the affirmative button. */
function defaultAnswer(buttons: string): string {
  if (buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL') return 'YES';
  return 'OK';
}
