import type { DialogRecord, UiAnswer, UiPerson, UiQuestion } from '../../apps-script';
import { BUTTONS_OF } from '../../apps-script/services/ui';
import { servedPage } from './served-page';

/** An alert or prompt an execution waits on, until the person answers it on the page. */
export interface PendingQuestion extends UiQuestion {
  id: number;
}

/** A sidebar or dialog open on the page; its iframe loads the page from dialogs/<id>/page. */
export interface OpenDialog extends Omit<DialogRecord, 'content'> {
  id: number;
}

export interface UiState {
  version: number;
  questions: PendingQuestion[];
  dialogs: OpenDialog[];
}

/** How long the page's long poll waits for something new before it is answered "nothing new". */
const POLL_WAIT_MS = 20_000;

/**
 * The person in front of the playground page, as the Apps Script double sees them: alerts and prompts
 * wait here until the page answers, and what Ui.showSidebar / showModalDialog show stays open until
 * the page closes it. Sheets shows one sidebar and one dialog at a time: showing another replaces it
 * (the report's link dialog replaces the period picker that asked for it).
 */
export class AddonUiBroker implements UiPerson {
  private nextId = 1;
  private version = 0;
  private readonly questions = new Map<number, { question: PendingQuestion; resolve(a: UiAnswer): void }>();
  private readonly dialogs = new Map<number, OpenDialog>();
  /** What each open dialog's iframe shows: the served content with google.script defined first. */
  private readonly pages = new Map<number, string>();
  private waiters: (() => void)[] = [];

  /** Executions each person started from the page (a menu item, a dialog's google.script.run), running. */
  private readonly started = new Map<string, number>();

  /**
   * `run` is an execution `user` started on the page: its alerts and prompts wait for their answer
   * there. Executions the playground runs by itself (its reset's Set up, its own API) are answered as
   * the double answers tests, with the affirmative button, since nobody on the page asked for them.
   */
  async startedBy<T>(user: string, run: () => Promise<T>): Promise<T> {
    const who = user.toLowerCase();
    this.started.set(who, (this.started.get(who) ?? 0) + 1);
    try {
      return await run();
    } finally {
      const left = (this.started.get(who) ?? 1) - 1;
      if (left === 0) this.started.delete(who);
      else this.started.set(who, left);
    }
  }

  ask(question: UiQuestion): Promise<UiAnswer> | undefined {
    if (!this.started.has(question.user.toLowerCase())) return undefined;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.questions.set(id, { question: { ...question, id }, resolve });
      this.bump();
    });
  }

  shown(dialog: DialogRecord): void {
    const slot = (kind: DialogRecord['kind']) => (kind === 'sidebar' ? 'sidebar' : 'dialog');
    for (const [id, open] of this.dialogs) {
      if (open.user === dialog.user && slot(open.kind) === slot(dialog.kind)) this.forget(id);
    }
    const { content, ...rest } = dialog;
    const id = this.nextId++;
    this.dialogs.set(id, { ...rest, id });
    this.pages.set(id, servedPage(content));
    this.bump();
  }

  /** The person's click: refused unless it is a button of the question's set (or its close box). */
  answer(id: number, user: string, answer: UiAnswer): void {
    const pending = this.questions.get(id);
    if (pending === undefined || pending.question.user !== user) {
      throw new UiRequestError(404, `No alert or prompt ${id} is waiting for ${user}.`);
    }
    const allowed = BUTTONS_OF[pending.question.buttons] ?? [];
    if (!allowed.includes(answer.button)) {
      throw new UiRequestError(
        400,
        `button: found "${answer.button}", expected one of ${allowed.join(', ')} for ${pending.question.buttons}.`,
      );
    }
    this.questions.delete(id);
    pending.resolve({ button: answer.button, text: pending.question.kind === 'prompt' ? answer.text : '' });
    this.bump();
  }

  /** The dialog open for `user`, or a 404: a closed dialog's page can no longer call the add-on. */
  dialogOf(id: number, user?: string): OpenDialog {
    const open = this.dialogs.get(id);
    if (open === undefined || (user !== undefined && open.user !== user)) {
      throw new UiRequestError(404, `No sidebar or dialog ${id} is open.`);
    }
    return open;
  }

  /** The page an open dialog's iframe shows. */
  pageOf(id: number): string {
    this.dialogOf(id);
    return this.pages.get(id) ?? '';
  }

  close(id: number): void {
    this.dialogOf(id);
    this.forget(id);
    this.bump();
  }

  private forget(id: number): void {
    this.dialogs.delete(id);
    this.pages.delete(id);
  }

  /** Alerts left unanswered (the page went away, the playground was reset) end as their close box does. */
  dismissAll(): void {
    for (const [id, pending] of this.questions) {
      this.questions.delete(id);
      pending.resolve({ button: 'CLOSE', text: '' });
    }
    this.dialogs.clear();
    this.pages.clear();
    this.bump();
  }

  state(): UiState {
    return {
      version: this.version,
      questions: [...this.questions.values()].map((pending) => pending.question),
      dialogs: [...this.dialogs.values()],
    };
  }

  /** Resolves once the state is newer than `version`, or after POLL_WAIT_MS. */
  async changedSince(version: number, waitMs = POLL_WAIT_MS): Promise<UiState> {
    if (this.version <= version) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.waiters = this.waiters.filter((waiter) => waiter !== wake);
          resolve();
        }, waitMs);
        // A page's long poll never keeps the process alive on its own.
        timer.unref();
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        this.waiters.push(wake);
      });
    }
    return this.state();
  }

  private bump(): void {
    this.version += 1;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** A request the page should not have made: answered with this status and sentence. */
export class UiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'UiRequestError';
  }
}
