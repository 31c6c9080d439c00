import { activeSpreadsheet } from './apps-script';

/**
 * What a person who can open the spreadsheet but is not listed in the project is told. The backend
 * tells them nothing about the project beyond their own role "none" (issue 16: outsiders learn
 * nothing, spreadsheet editors included). The spreadsheet's owner comes from Google
 * (Spreadsheet.getOwner()), which shows it to every editor in the Share dialog anyway: usually the
 * coordinator who set the spreadsheet up, and whom to ask.
 */
export function notListedAdvice(email: string, projectId: string): string {
  let owner = '';
  try {
    owner = activeSpreadsheet().getOwner()?.getEmail() ?? '';
  } catch {
    // A spreadsheet in a shared drive has no owner; the advice still stands without a name.
  }
  const whom =
    owner === ''
      ? 'the coordinator who shared this spreadsheet with you'
      : `the coordinator (this spreadsheet belongs to ${owner})`;
  return `${email} is neither a coordinator nor a partner of "${projectId}": ask ${whom} to add exactly ${email} as an editor of your installation in the project's configuration. The address must be the Google account you open this spreadsheet with; if you have several, switch to the listed one.`;
}
