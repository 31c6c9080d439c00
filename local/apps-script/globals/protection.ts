import type { ProtectionView } from '../host-views';
import { type GoogleLike, type ScriptContext, strict } from './script-context';

/** A Protection: each change goes to the host, which lets only its editors and the owner make it. */
export const protectionFacade = (ctx: ScriptContext, initial: ProtectionView): GoogleLike => {
  let view = initial;
  const update = (change: Record<string, unknown>) => {
    view = ctx.call('protection.update', view.id, change);
    return self;
  };
  const emailOf = (who: unknown) =>
    typeof who === 'string' ? who : String((who as { getEmail(): string }).getEmail());
  const self: GoogleLike = strict(ctx.services, 'Protection', {
    getProtectionType: () => view.type,
    getRange: () => ctx.facades.rangeFacade(view.range),
    getDescription: () => view.description,
    setDescription: (description: string) => update({ description: String(description) }),
    isWarningOnly: () => view.warningOnly,
    setWarningOnly: (warningOnly: boolean) => update({ warningOnly: Boolean(warningOnly) }),
    getEditors: () => view.editors.map(ctx.facades.user),
    addEditor: (who: unknown) => update({ addEditors: [emailOf(who)] }),
    addEditors: (list: unknown[]) => update({ addEditors: list.map(emailOf) }),
    removeEditor: (who: unknown) => update({ removeEditors: [emailOf(who)] }),
    removeEditors: (list: unknown[]) => update({ removeEditors: list.map(emailOf) }),
    getUnprotectedRanges: () => view.unprotected.map(ctx.facades.rangeFacade),
    canEdit: () => {
      const { effectiveUser } = ctx.call('session.info');
      return view.warningOnly || view.editors.includes(effectiveUser.toLowerCase());
    },
    remove: () => {
      ctx.call('protection.remove', view.id);
    },
    toString: () => 'Protection',
  });
  return self;
};
