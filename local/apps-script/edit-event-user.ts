/**
 * Whose e-mail `e.user.getEmail()` gives an installable edit trigger. Google's reference (User.getEmail,
 * https://developers.google.com/apps-script/reference/base/user#getEmail()): a blank string "if
 * security policies do not allow access to the user's email address"; "these restrictions generally
 * do not apply if the developer runs the script themselves or belongs to the same Google Workspace
 * domain as the user". The trigger runs as its owner, so the editor is seen when they ARE the owner or
 * share the owner's Workspace domain; everyone else (a consortium's partners, at other institutions)
 * arrives blank.
 *
 * Workspace modelled simply: the same e-mail domain is the same Workspace. Consumer accounts
 * (gmail.com) share no Workspace, so two of them see each other blank: the stricter reading.
 */
const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

export function editorSeenByTrigger(editor: string, triggerOwner: string): boolean {
  if (editor.toLowerCase() === triggerOwner.toLowerCase()) return true;
  const domain = domainOf(editor);
  return domain === domainOf(triggerOwner) && !CONSUMER_DOMAINS.has(domain);
}
