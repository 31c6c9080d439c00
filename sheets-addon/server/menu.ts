/** The add-on menu: created on open and on install, with no authorisation needed to show it. */
export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Create project...', 'menuCreateProject')
    .addItem('Apply configuration', 'menuApplyConfiguration')
    .addItem('Set up reporting sheet', 'menuSetUpSheet')
    .addItem('Enable live validation', 'menuEnableLiveValidation')
    .addItem('Who cannot work yet...', 'menuWhoCannotWork')
    .addSeparator()
    .addItem('Validate my rows', 'menuValidateMyRows')
    .addItem('Validate whole sheet', 'menuValidateWholeSheet')
    .addItem('Show problems', 'menuShowProblems')
    .addSeparator()
    .addItem('Check completeness...', 'menuCheckCompleteness')
    .addItem('Compute summary...', 'menuComputeSummary')
    .addItem('Draft assessments...', 'menuDraftAssessments')
    .addItem('Generate report...', 'menuGenerateReport')
    .addItem('Lock period...', 'menuLockPeriod')
    .addItem('Reopen period...', 'menuReopenPeriod')
    .addItem('Amend locked cell...', 'menuAmendLockedCell')
    .addItem('EC portal table...', 'menuPortalTable')
    .addSeparator()
    .addItem('Confirm my figures...', 'menuConfirmFigures')
    .addItem('Remind partners...', 'menuRemindPartners')
    .addSeparator()
    .addItem('Sync pending edits', 'menuSyncPending')
    .addItem('Settings', 'menuSettings')
    .addItem('Help', 'menuHelp')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

/** The handler name of every menu item, so the build and its test check each is defined. */
export const MENU_HANDLERS = [
  'menuCreateProject',
  'menuApplyConfiguration',
  'menuSetUpSheet',
  'menuEnableLiveValidation',
  'menuWhoCannotWork',
  'menuValidateMyRows',
  'menuValidateWholeSheet',
  'menuShowProblems',
  'menuCheckCompleteness',
  'menuComputeSummary',
  'menuDraftAssessments',
  'menuGenerateReport',
  'menuLockPeriod',
  'menuReopenPeriod',
  'menuAmendLockedCell',
  'menuPortalTable',
  'menuConfirmFigures',
  'menuRemindPartners',
  'menuSyncPending',
  'menuSettings',
  'menuHelp',
] as const;
