import type { PeriodId } from '../calendar/reporting-period';
import type { Installation } from '../config/installation-schema';
import type { OutcomeStatus, ValidationIssue } from '../validation/validation-outcome';
import { type CoveredCell, type Justification, MAX_JUSTIFICATION_LENGTH } from './confirmation';

/** A stored cell as confirming sees it: its current value and whether a newer input was refused. */
export interface CellForConfirmation {
  metricId: string;
  /** null: nothing accepted was ever stored, or the value was cleared. */
  current: {
    version: number;
    status: OutcomeStatus;
    normalized: string;
    issues: readonly ValidationIssue[];
    hasValue: boolean;
  } | null;
  /** The cell's newest submission was rejected (the sheet shows a value that was not taken). */
  latestRejected: { version: number; issues: readonly ValidationIssue[] } | null;
  /** Every submission the cell holds, rejected ones included. */
  submissions: number;
}

export type BlockReason = 'empty' | 'rejected';

export interface BlockingCell {
  metricId: string;
  periodId: PeriodId;
  reason: BlockReason;
  /** A sentence saying what must change before confirming. */
  message: string;
}

export interface OpenWarning {
  metricId: string;
  periodId: PeriodId;
  normalized: string;
  ruleIds: string[];
  messages: string[];
}

/** What confirming one installation's period would cover, and what stands in the way. */
export interface ConfirmationPlan {
  installationId: string;
  periodId: PeriodId;
  covered: CoveredCell[];
  blocking: BlockingCell[];
  warnings: OpenWarning[];
}

/** Every metric of the installation for the period, in configuration order: each must hold a value. */
export function confirmationPlan(
  installation: Installation,
  periodId: PeriodId,
  cells: readonly CellForConfirmation[],
): ConfirmationPlan {
  const byMetric = new Map(cells.map((cell) => [cell.metricId, cell]));
  const plan: ConfirmationPlan = {
    installationId: installation.id,
    periodId,
    covered: [],
    blocking: [],
    warnings: [],
  };
  for (const metric of installation.metrics) {
    const cell = byMetric.get(metric.id);
    const where = `${installation.name}, ${metric.label}, ${periodId}`;
    if (cell?.latestRejected != null) {
      const reasons = cell.latestRejected.issues.map((issue) => issue.message).join(' ');
      plan.blocking.push({
        metricId: metric.id,
        periodId,
        reason: 'rejected',
        message: `${where}: the value last typed was rejected${reasons === '' ? '' : ` (${reasons})`}; correct it first.`,
      });
      continue;
    }
    if (cell?.current == null || !cell.current.hasValue) {
      plan.blocking.push({
        metricId: metric.id,
        periodId,
        reason: 'empty',
        message: `${where}: no value yet; enter it first.`,
      });
      continue;
    }
    plan.covered.push({
      metricId: metric.id,
      periodId,
      version: cell.current.version,
      normalized: cell.current.normalized,
    });
    const warnings = cell.current.issues.filter((issue) => issue.severity === 'warning');
    if (warnings.length > 0) {
      plan.warnings.push({
        metricId: metric.id,
        periodId,
        normalized: cell.current.normalized,
        ruleIds: warnings.map((issue) => issue.ruleId),
        messages: warnings.map((issue) => issue.message),
      });
    }
  }
  return plan;
}

export interface JustificationCheck {
  justifications: Justification[];
  /** Open warnings left without a line of justification. */
  unjustified: OpenWarning[];
  /** Lines that are not one line, or too long: metricId → the problem. */
  malformed: { metricId: string; problem: string }[];
}

/** Matches the partner's lines to the plan's warnings: each warning needs one line, kept as typed (trimmed). */
export function checkJustifications(
  plan: ConfirmationPlan,
  lines: Readonly<Record<string, string>>,
): JustificationCheck {
  const check: JustificationCheck = { justifications: [], unjustified: [], malformed: [] };
  for (const warning of plan.warnings) {
    const text = (lines[warning.metricId] ?? '').trim();
    if (text === '') {
      check.unjustified.push(warning);
    } else if (/[\r\n]/.test(text)) {
      check.malformed.push({ metricId: warning.metricId, problem: 'expected one line, found several' });
    } else if (text.length > MAX_JUSTIFICATION_LENGTH) {
      check.malformed.push({
        metricId: warning.metricId,
        problem: `expected at most ${MAX_JUSTIFICATION_LENGTH} characters, found ${text.length}`,
      });
    } else {
      check.justifications.push({
        metricId: warning.metricId,
        periodId: warning.periodId,
        ruleIds: warning.ruleIds,
        text,
      });
    }
  }
  return check;
}
