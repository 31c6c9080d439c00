import type { Execution } from '../execution';
import type { AlertRecord, DialogRecord, MenuRecord } from '../host-views';

const NO_UI_HERE = 'Cannot call SpreadsheetApp.getUi() from this context.';

/** An alert or a prompt put to the person in front of the spreadsheet. */
export interface UiQuestion {
  user: string;
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  /** "OK", "OK_CANCEL", "YES_NO", "YES_NO_CANCEL". */
  buttons: string;
}

/** The button clicked ("CLOSE" for the dialog's close box) and, for a prompt, the text in its box. */
export interface UiAnswer {
  button: string;
  text: string;
}

/**
 * Someone in front of the spreadsheet (the playground's page): answers alerts and prompts while the
 * execution waits, as Ui.alert and Ui.prompt "suspend the server-side script while the dialog is
 * open" (https://developers.google.com/apps-script/reference/base/ui#alert(String)), and sees the
 * sidebars and dialogs shown, which do not suspend it (Ui.showModalDialog).
 */
export interface UiPerson {
  /** Their answer, or undefined when this execution is not theirs to answer (not started by them). */
  ask(question: UiQuestion): Promise<UiAnswer> | undefined;
  shown(dialog: DialogRecord): void;
}

/** What the Ui showed, and the answers a test scripted for the next alerts and prompts. */
export interface UiRecords {
  menus: MenuRecord[];
  alerts: AlertRecord[];
  dialogs: DialogRecord[];
  alertAnswers: string[];
  promptAnswers: { button: string; text: string }[];
  /** Who answers what no test scripted; without anyone, the affirmative button. */
  person: () => UiPerson | undefined;
}

/** The buttons of each ButtonSet, and CLOSE: what Ui.alert and PromptResponse may answer. */
export const BUTTONS_OF: Readonly<Record<string, readonly string[]>> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

/** The host's side of SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs. */
export function uiOperations(records: UiRecords) {
  /** A scripted answer first, then the person's, else the affirmative button at once. */
  const answerOf = (question: UiQuestion, scripted: UiAnswer | undefined): UiAnswer | Promise<UiAnswer> => {
    if (BUTTONS_OF[question.buttons] === undefined) {
      throw new Error(`Invalid argument: buttons (${question.buttons})`);
    }
    if (scripted !== undefined) return scripted;
    const asked = records.person()?.ask(question);
    if (asked !== undefined) return asked;
    return { button: defaultAnswer(question.buttons), text: '' };
  };
  return {
    /** SpreadsheetApp.getUi(): there is no UI to show anything in for an installable trigger. */
    'ui.get': (execution: Execution) => {
      if (execution.mode === 'installable-trigger') throw new Error(NO_UI_HERE);
    },
    'ui.alert': async (execution: Execution, title: string, message: string, buttons: string) => {
      const scripted = records.alertAnswers.shift();
      const question: UiQuestion = { user: execution.activeUser, kind: 'alert', title, message, buttons };
      const answer = await answerOf(
        question,
        scripted === undefined ? undefined : { button: scripted, text: '' },
      );
      records.alerts.push({ user: execution.activeUser, title, message, buttons, answer: answer.button });
      return answer.button;
    },
    'ui.prompt': async (execution: Execution, title: string, message: string, buttons: string) => {
      const question: UiQuestion = { user: execution.activeUser, kind: 'prompt', title, message, buttons };
      const answer = await answerOf(question, records.promptAnswers.shift());
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
      const shown: DialogRecord = { user: execution.activeUser, ...dialog };
      records.dialogs.push(shown);
      records.person()?.shown(shown);
    },
  };
}

/** What a person clicks when the test scripted nothing: the affirmative button. */
function defaultAnswer(buttons: string): string {
  if (buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL') return 'YES';
  return 'OK';
}
