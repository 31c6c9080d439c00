/// <reference types="google-apps-script" />
import type { MailRequest } from '../services/mail-app';
import { grantedScopes } from './script-app';
import { type ScriptContext, strict } from './script-context';

const SEND_MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';
/** The options of sendEmail(recipient, subject, body, options) the double models; the others are refused. */
const MODELLED_OPTIONS = new Set(['cc', 'bcc', 'name', 'replyTo']);
/** Options Apps Script has that the double does not model: refused rather than silently dropped. */
const UNMODELLED_OPTIONS = new Set(['attachments', 'htmlBody', 'inlineImages', 'noReply']);

/**
 * MailApp (https://developers.google.com/apps-script/reference/mail/mail-app): getRemainingDailyQuota and
 * sendEmail in its three plain-text forms. Without the send_mail scope in the manifest Apps Script
 * refuses to run the call at all; the host counts recipients against the sender's daily quota.
 */
export const MailApp = (ctx: ScriptContext) => {
  const requireScope = (method: string) => {
    if (!grantedScopes(ctx).includes(SEND_MAIL_SCOPE)) {
      throw ctx.fail(
        `You do not have permission to call ${method}. Required permissions: ${SEND_MAIL_SCOPE}`,
      );
    }
  };
  const text = (value: unknown, name: string): string => {
    if (typeof value !== 'string') throw ctx.fail(`Invalid argument: ${name}`);
    return value;
  };
  const optionsOf = (options: Record<string, unknown>): Partial<MailRequest> => {
    const picked: Partial<MailRequest> = {};
    for (const [name, value] of Object.entries(options)) {
      if (UNMODELLED_OPTIONS.has(name)) {
        throw ctx.fail(
          `MailApp.sendEmail option "${name}" is not implemented by the va-assess Apps Script double`,
        );
      }
      // Apps Script ignores an option it does not know; code relying on one would work here only.
      if (!MODELLED_OPTIONS.has(name)) {
        throw ctx.fail(`MailApp.sendEmail: "${name}" is not an Apps Script option (Apps Script ignores it)`);
      }
      picked[name as 'cc' | 'bcc' | 'name' | 'replyTo'] = text(value, name);
    }
    return picked;
  };
  return strict(ctx.services, 'MailApp', {
    getRemainingDailyQuota: () => {
      requireScope('MailApp.getRemainingDailyQuota');
      return ctx.call('mail.remaining');
    },
    sendEmail: (...args: unknown[]) => {
      requireScope('MailApp.sendEmail');
      const [first, subject, body, options] = args;
      if (typeof first === 'object' && first !== null && args.length === 1) {
        const { to, subject: s, body: b, ...rest } = first as Record<string, unknown>;
        // Options first: a message with htmlBody and no body is refused for the option, not the body.
        const extra = optionsOf(rest);
        ctx.call('mail.send', {
          to: text(to, 'to'),
          subject: text(s, 'subject'),
          body: text(b, 'body'),
          ...extra,
        });
        return;
      }
      const extra = options === undefined ? {} : optionsOf(options as Record<string, unknown>);
      ctx.call('mail.send', {
        to: text(first, 'recipient'),
        subject: text(subject, 'subject'),
        body: text(body, 'body'),
        ...extra,
      });
    },
  } satisfies Partial<GoogleAppsScript.Mail.MailApp>);
};
