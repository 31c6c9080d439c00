/**
 * Every function Apps Script calls by name: simple triggers, menu items, the installable edit trigger
 * and the google.script.run endpoints of the HTML pages. The build turns each export into a top-level
 * function of dist/Code.js.
 */

export { menuAmendLockedCell } from './amend-locked-cell';
export { confirmDialogFor, confirmFigures, menuConfirmFigures, sidebarConfirmations } from './confirm-dialog';
export {
  periodDialogState,
  runPeriodAction,
  selectCell,
  settingsLoad,
  settingsSave,
  settingsTestConnection,
  sidebarProblems,
  sidebarStatus,
} from './endpoints';
export { onLiveEdit } from './live-validation';
export { menuLockPeriod, menuReopenPeriod } from './lock-period';
export { onInstall, onOpen } from './menu';
export {
  menuApplyConfiguration,
  menuCheckCompleteness,
  menuComputeSummary,
  menuCreateProject,
  menuDraftAssessments,
  menuEnableLiveValidation,
  menuGenerateReport,
  menuHelp,
  menuSettings,
  menuSetUpSheet,
  menuShowProblems,
  menuSyncPending,
  menuValidateMyRows,
  menuValidateWholeSheet,
  menuWhoCannotWork,
} from './menu-actions';
export { menuPortalTable, portalTableLink } from './portal-dialog';
export { menuRemindPartners, remindersPrepare, remindersSend, remindersState } from './reminders';
