import type { InstallationSummary } from '../summary/installation-summary';
import type { WindowSummary } from '../summary/window-summary';
import type { DraftSituation } from './assessment-draft';
import type { DraftFormat } from './draft-format';
import type { InstallationFigures } from './installation-figures';

/** What every paragraph of one installation's assessment writes from and records into. */
export interface AssessmentContext {
  readonly installation: InstallationSummary;
  readonly summary: WindowSummary;
  readonly format: DraftFormat;
  readonly figures: InstallationFigures;
  readonly situations: Set<DraftSituation>;
}
