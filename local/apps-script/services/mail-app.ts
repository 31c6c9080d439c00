import type { DailyQuotaLedger } from '../daily-quotas';
import { type Execution, notAuthorizedInSimpleTrigger } from '../execution';

/** A message MailApp sent: who sent it (the effective user) and to whom. */
export interface SentMail {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  name?: string;
  replyTo?: string;
}

/** What the script's side hands over, already checked for Apps Script's own argument rules. */
export interface MailRequest {
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body: string;
  name?: string;
  replyTo?: string;
}

/**
 * "Email recipients per message: 50" (https://developers.google.com/apps-script/guides/services/quotas,
 * Current limitations), for consumer and Workspace accounts alike.
 */
export const RECIPIENTS_PER_MESSAGE = 50;
export const RECIPIENTS_PER_MESSAGE_EXCEEDED = 'Limit Exceeded: Email Recipients Per Message.';

// An address as Gmail takes one: local part, "@", a dotted domain; no spaces or display names.
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/;

/** Comma-separated addresses as MailApp reads its recipient strings; Google names the first bad one. */
function addressesOf(list: string | undefined): string[] {
  if (list === undefined || list.trim() === '') return [];
  const addresses = list.split(',').map((address) => address.trim());
  const invalid = addresses.find((address) => !ADDRESS.test(address));
  if (invalid !== undefined) throw new Error(`Invalid email: ${invalid}`);
  return addresses;
}

const SEND_MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';

/** The host's side of MailApp: the sender's daily recipient quota, Google's refusals, and what was sent. */
export function mailOperations(quotas: DailyQuotaLedger, sent: SentMail[]) {
  const refuseSimpleTrigger = (execution: Execution, method: string) => {
    if (execution.mode === 'simple-trigger')
      throw new Error(notAuthorizedInSimpleTrigger(method, SEND_MAIL_SCOPE));
  };
  return {
    'mail.remaining': (execution: Execution) => {
      refuseSimpleTrigger(execution, 'MailApp.getRemainingDailyQuota');
      return quotas.remainingEmailRecipients(execution.effectiveUser);
    },
    'mail.send': (execution: Execution, request: MailRequest) => {
      refuseSimpleTrigger(execution, 'MailApp.sendEmail');
      const to = addressesOf(request.to);
      const cc = addressesOf(request.cc);
      const bcc = addressesOf(request.bcc);
      if (request.replyTo !== undefined) addressesOf(request.replyTo);
      const recipients = to.length + cc.length + bcc.length;
      if (recipients === 0) throw new Error('Failed to send email: no recipient');
      if (recipients > RECIPIENTS_PER_MESSAGE) throw new Error(RECIPIENTS_PER_MESSAGE_EXCEEDED);
      quotas.countEmailRecipients(execution.effectiveUser, recipients);
      sent.push({
        from: execution.effectiveUser,
        to,
        cc,
        bcc,
        subject: request.subject,
        body: request.body,
        ...(request.name === undefined ? {} : { name: request.name }),
        ...(request.replyTo === undefined ? {} : { replyTo: request.replyTo }),
      });
    },
  };
}
