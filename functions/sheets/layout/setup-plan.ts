import { ANCHOR_KEYS } from './anchors';
import { ASSESSMENT_COLUMNS } from './assessments-tab';
import { headerRequests } from './generated-table';
import { INSTALLATION_COLUMNS, planInstallationsTab } from './installations-tab';
import {
  METRICS_LABEL_COLUMNS,
  type MetricsTabInput,
  type MetricsTabPlan,
  planMetricsTab,
} from './metrics-tab';
import { editorList, protectGeneratedTab } from './protection';
import type { Request } from './sheet-requests';
import type { SpreadsheetSnapshot } from './sheet-snapshot';
import { SUMMARY_COLUMN_COUNT, summaryTabSetup } from './summary-tab';
import { type PlannedTab, TabAllocator } from './tab-allocation';

export function projectAnchor(projectId: string): Request {
  return {
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: ANCHOR_KEYS.project,
        metadataValue: projectId,
        visibility: 'DOCUMENT',
        location: { spreadsheet: true },
      },
    },
  };
}

/** Coordinators and the service account: who may change labels, ids and the generated tabs. */
export function coordinatorEditors(input: {
  config: MetricsTabInput['config'];
  serviceAccountEmail: string;
}): string[] {
  return editorList(input.config.project.coordinators, [input.serviceAccountEmail]);
}

/** The Summary tab, created with its title row, widths and protection when missing. */
export function ensureSummaryTab(allocator: TabAllocator, editors: readonly string[]): PlannedTab {
  const planned = allocator.ensure('summary', SUMMARY_COLUMN_COUNT);
  const extra = planned.created ? summaryTabSetup(planned.tab.sheetId) : [];
  return {
    ...planned,
    requests: [...planned.requests, ...extra, ...protectGeneratedTab(planned.tab, 'summary', editors)],
  };
}

/** The Assessments tab (header written by its own plan), protected like every generated tab. */
export function ensureAssessmentsTab(allocator: TabAllocator, editors: readonly string[]): PlannedTab {
  const planned = allocator.ensure('assessments', ASSESSMENT_COLUMNS.length);
  return {
    ...planned,
    requests: [...planned.requests, ...protectGeneratedTab(planned.tab, 'assessments', editors)],
  };
}

/** Every request of a setup, with what the Metrics tab's plan found for the coordinator. */
export interface SetupPlan extends Omit<MetricsTabPlan, 'requests'> {
  requests: Request[];
}

/**
 * Every request that brings a spreadsheet to the project's layout: on an empty spreadsheet it builds
 * the four tabs; on one set up before it adds what the config gained (installations, metrics,
 * periods), re-aligns rows' anchors with their key cells and corrects labels and protection, leaving
 * typed values alone. No requests: nothing to do.
 */
export function planSetup(snapshot: SpreadsheetSnapshot, input: MetricsTabInput): SetupPlan {
  const editors = coordinatorEditors(input);
  const allocator = new TabAllocator(snapshot);
  const requests: Request[] =
    snapshot.projectId === undefined ? [projectAnchor(input.config.project.id)] : [];

  const metrics = allocator.ensure('metrics', METRICS_LABEL_COLUMNS.length);
  const metricsPlan = planMetricsTab(metrics.tab, metrics.created, input);
  requests.push(...metrics.requests, ...metricsPlan.requests);

  const installations = allocator.ensure('installations', INSTALLATION_COLUMNS.length);
  requests.push(
    ...installations.requests,
    ...planInstallationsTab(installations.tab, installations.created, input.config),
    ...protectGeneratedTab(installations.tab, 'installations', editors),
  );

  requests.push(...ensureSummaryTab(allocator, editors).requests);

  const assessments = ensureAssessmentsTab(allocator, editors);
  requests.push(...assessments.requests);
  if (assessments.created) requests.push(...headerRequests(assessments.tab.sheetId, ASSESSMENT_COLUMNS));
  return {
    requests,
    realigned: metricsPlan.realigned,
    notices: metricsPlan.notices,
    ...(metricsPlan.refusal === undefined ? {} : { refusal: metricsPlan.refusal }),
  };
}
