import { createHash, randomUUID } from 'node:crypto';
import type { WorkbookModel } from '../../workbook';
import { type Execution, type IdentityTokenSigner, notAuthorizedInSimpleTrigger } from '../execution';
import type { TriggerView } from '../host-views';

export type OwnedTrigger = TriggerView & { owner: string };

/** The project's installable triggers and who authorised it, kept between executions. */
export class ScriptProject {
  readonly triggerList: OwnedTrigger[] = [];
  private readonly authorized = new Set<string>();

  authorize(email: string): void {
    this.authorized.add(email.toLowerCase());
  }
  revokeAuthorization(email: string): void {
    this.authorized.delete(email.toLowerCase());
  }
  isAuthorized(email: string): boolean {
    return this.authorized.has(email.toLowerCase());
  }
}

export interface ScriptAppOptions {
  model: WorkbookModel;
  signer: IdentityTokenSigner;
  /** The `aud` of identity tokens: the script's OAuth client id. */
  audience: string;
}

/** The host's side of ScriptApp: identity tokens, authorisation status and installable triggers. */
export function scriptAppOperations(project: ScriptProject, options: ScriptAppOptions) {
  const triggers = project.triggerList;
  return {
    'script.identityToken': (execution: Execution, withEmail: boolean) => {
      if (execution.mode === 'simple-trigger') {
        throw new Error(notAuthorizedInSimpleTrigger('ScriptApp.getIdentityToken', 'openid'));
      }
      return options.signer.sign({
        ...(withEmail ? { email: execution.effectiveUser, email_verified: true } : {}),
        aud: options.audience,
        sub: createHash('sha256').update(execution.effectiveUser).digest('hex').slice(0, 21),
      });
    },
    'script.authorizationStatus': (execution: Execution) =>
      project.isAuthorized(execution.effectiveUser) ? 'NOT_REQUIRED' : 'REQUIRED',
    'script.newTrigger': (
      execution: Execution,
      handler: string,
      spec: { eventType: string; spreadsheetId: string },
    ) => {
      if (spec.eventType !== 'ON_EDIT' && spec.eventType !== 'ON_OPEN' && spec.eventType !== 'ON_CHANGE') {
        throw new Error(
          `ScriptApp.newTrigger(...).${spec.eventType} is not implemented by the va-assess Apps Script double`,
        );
      }
      if (!options.model.has(spec.spreadsheetId))
        throw new Error(`No item with the given ID could be found (${spec.spreadsheetId}).`);
      // Add-ons get one trigger of each event type per user per document.
      const clash = triggers.some(
        (trigger) =>
          trigger.owner === execution.effectiveUser &&
          trigger.triggerSourceId === spec.spreadsheetId &&
          trigger.eventType === spec.eventType,
      );
      if (clash) {
        throw new Error(
          'This add-on has created too many edit triggers in this document for this Google user account. Try deleting one or more triggers.',
        );
      }
      const trigger = {
        uniqueId: randomUUID().replace(/-/g, '').slice(0, 20),
        handlerFunction: handler,
        eventType: spec.eventType,
        triggerSource: 'SPREADSHEETS',
        triggerSourceId: spec.spreadsheetId,
        owner: execution.effectiveUser,
      };
      triggers.push(trigger);
      const { owner: _owner, ...view } = trigger;
      return view;
    },
    'script.userTriggers': (execution: Execution, spreadsheetId: string | null) =>
      triggers
        .filter(
          (trigger) =>
            trigger.owner === execution.effectiveUser &&
            (spreadsheetId === null || trigger.triggerSourceId === spreadsheetId),
        )
        .map(({ owner: _owner, ...view }) => view),
    'script.deleteTrigger': (execution: Execution, uniqueId: string) => {
      const index = triggers.findIndex((trigger) => trigger.uniqueId === uniqueId);
      const trigger = triggers[index];
      if (trigger === undefined) return;
      if (trigger.owner !== execution.effectiveUser) {
        throw new Error(`${execution.effectiveUser} cannot delete a trigger created by another user.`);
      }
      triggers.splice(index, 1);
    },
  };
}
