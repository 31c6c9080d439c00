import type { MenuEntry } from '../host-views';
import type { HtmlOutputLike } from './html-service';
import { enumOf, type GoogleLike, type ScriptContext, strict } from './script-context';

const BUTTON_SET = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
const BUTTON = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');

export const menuBuilder = (ctx: ScriptContext, kind: 'addon' | 'menu', caption: string) => {
  const items: MenuEntry[] = [];
  const self: GoogleLike = strict(ctx.services, 'Menu', {
    addItem: (itemCaption: string, functionName: string) => {
      items.push({ caption: String(itemCaption), functionName: String(functionName) });
      return self;
    },
    addSeparator: () => {
      items.push({ separator: true });
      return self;
    },
    addSubMenu: (menu: { __items(): MenuEntry[]; __caption(): string }) => {
      items.push({ caption: menu.__caption(), subMenu: menu.__items() });
      return self;
    },
    addToUi: () => {
      ctx.call('ui.menu', { kind, caption, items });
    },
    __items: () => items,
    __caption: () => caption,
  });
  return self;
};

/** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) */
const dialogArgs = (args: unknown[]): [string, string, string] => {
  if (args.length >= 3) return [String(args[0]), String(args[1]), String(args[2])];
  if (args.length === 2) return ['', String(args[0]), String(args[1])];
  return ['', String(args[0] ?? ''), 'OK'];
};

/** The Ui: alerts and prompts answered as the test scripted (or with the affirmative button). */
export const ui = (ctx: ScriptContext) =>
  strict(ctx.services, 'Ui', {
    ButtonSet: BUTTON_SET,
    Button: BUTTON,
    alert: (...args: unknown[]) => ctx.call('ui.alert', ...dialogArgs(args)),
    prompt: (...args: unknown[]) => {
      const answer = ctx.call('ui.prompt', ...dialogArgs(args));
      return strict(ctx.services, 'PromptResponse', {
        getResponseText: () => answer.text,
        getSelectedButton: () => answer.button,
      });
    },
    createAddonMenu: () => menuBuilder(ctx, 'addon', ''),
    createMenu: (caption: string) => menuBuilder(ctx, 'menu', String(caption)),
    showSidebar: (output: HtmlOutputLike) => {
      ctx.call('ui.show', { kind: 'sidebar', title: output.getTitle(), content: output.getContent() });
    },
    showModalDialog: (output: HtmlOutputLike, title: string) => {
      ctx.call('ui.show', {
        kind: 'modal',
        title: String(title),
        content: output.getContent(),
        width: output.getWidth(),
        height: output.getHeight(),
      });
    },
    showModelessDialog: (output: HtmlOutputLike, title: string) => {
      ctx.call('ui.show', {
        kind: 'modeless',
        title: String(title),
        content: output.getContent(),
        width: output.getWidth(),
        height: output.getHeight(),
      });
    },
  });
