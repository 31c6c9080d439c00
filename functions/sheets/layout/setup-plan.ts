import { ANCHOR_KEYS } from './anchors';
import type { MetricsTabInput } from './metrics-tab';
import { editorList } from './protection';
import type { MovedRow } from './row-identity';
import type { Request } from './sheet-requests';
import type { SpreadsheetSnapshot } from './sheet-snapshot';
import { TabAllocator } from './tab-allocation';
import { ensureTab, type SetupContext, type TabModule } from './tab-module';
import { TAB_REGISTRY } from './tab-registry';

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

/** Every request of a setup, with what the tabs' plans found for the coordinator. */
export interface SetupPlan {
  requests: Request[];
  /** Rows whose metadata named another row than their key cell (a sort, an edit): metadata moved. */
  realigned: MovedRow[];
  /** Sentences for the coordinator: what setup could not put right by itself and what to do. */
  notices: string[];
  /** Why nothing can be written, and what a person must do first (then `requests` is moot). */
  refusal?: string;
}

/**
 * Every request that brings a spreadsheet to the project's layout: on an empty spreadsheet it builds
 * the tabs setup creates; on one set up before it adds what the config gained (installations,
 * metrics, periods), re-aligns rows' anchors with their key cells and corrects labels and
 * protection, leaving typed values alone. No requests: nothing to do. `tabs` is the registry.
 */
export function planSetup(
  snapshot: SpreadsheetSnapshot,
  input: MetricsTabInput & Pick<SetupContext, 'rewriteConfigTabs'>,
  tabs: readonly TabModule[] = TAB_REGISTRY,
): SetupPlan {
  const context = { ...input, editors: coordinatorEditors(input) };
  const allocator = new TabAllocator(snapshot);
  const plan: SetupPlan = {
    requests: snapshot.projectId === undefined ? [projectAnchor(input.config.project.id)] : [],
    realigned: [],
    notices: [],
  };
  for (const module of tabs) {
    if (!module.createdBySetup) continue;
    const planned = ensureTab(allocator, module, context.editors);
    const found = module.plan?.(planned, context) ?? { requests: [] };
    plan.requests.push(...planned.requests, ...found.requests);
    plan.realigned.push(...(found.realigned ?? []));
    plan.notices.push(...(found.notices ?? []));
    if (plan.refusal === undefined && found.refusal !== undefined) plan.refusal = found.refusal;
  }
  return plan;
}
