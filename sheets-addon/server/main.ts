/**
 * Every function Apps Script calls by name: simple triggers, menu items, the installable edit trigger
 * and the google.script.run endpoints of the HTML pages. The build turns each export into a top-level
 * function of dist/Code.js.
 */
export {
  periodDialogState,
  runPeriodAction,
  selectCell,
  settingsLoad,
  settingsSave,
  settingsTestConnection,
  sidebarProblems,
} from './endpoints';
export { onLiveEdit } from './live-validation';
export { onInstall, onOpen } from './menu';
export {
  menuApplyConfiguration,
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
} from './menu-actions';
