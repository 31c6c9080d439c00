import type {
  AssessmentDraft,
  ExecutiveSummaryDraft,
} from '../../../functions/domain/drafts/assessment-draft';
import type { WindowRef } from '../../../functions/domain/summary/window-ref';

/** What `va-assess drafts --json` prints (functions/cli/commands/drafts.ts). */
export interface DraftsJson {
  window: WindowRef;
  executiveSummary: ExecutiveSummaryDraft;
  drafts: AssessmentDraft[];
}
