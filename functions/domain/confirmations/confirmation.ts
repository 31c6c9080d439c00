import type { PeriodId } from '../calendar/reporting-period';

/** One cell a confirmation covers, at the history version the partner saw. */
export interface CoveredCell {
  metricId: string;
  periodId: PeriodId;
  version: number;
  /** The value as the report prints it, when confirmed. */
  normalized: string;
}

/** Why a partner keeps a value that carries a warning: one line, kept with the confirmation. */
export interface Justification {
  metricId: string;
  periodId: PeriodId;
  /** The warnings' rule ids, as they stood when confirmed. */
  ruleIds: string[];
  text: string;
}

/** A partner stands behind one installation's figures of one period, as they were at confirmedAt. */
export interface Confirmation {
  installationId: string;
  periodId: PeriodId;
  /** The partner's own e-mail, from their own token: never a trigger's or a coordinator's on their behalf. */
  confirmedBy: string;
  /** ISO instant. */
  confirmedAt: string;
  cells: CoveredCell[];
  justifications: Justification[];
}

/** The longest justification kept: one line, as the dialog asks for. */
export const MAX_JUSTIFICATION_LENGTH = 500;
