import type { RuleId } from '../validation/rule-catalogue';
import { ruleById } from '../validation/rule-catalogue';

/**
 * What a parser noticed about one input, without knowing where the input came from: the
 * validator adds installation, metric and period when it turns a finding into a message.
 */
export interface ParseFinding {
  ruleId: RuleId;
  /** The part of the input the finding is about, as typed ("SP", "4.000.000"). */
  found: string;
  /** What the input should look like ("an ISO 3166-1 alpha-2 code"). */
  expected: string;
  /** What was done when the input could still be read ("read as 4,000,000"). */
  action?: string;
  /** The likely intended input, ready to replace it ("ES"). */
  suggestion?: string;
  /** How the message names the suggestion ("ES (Spain)"); the suggestion itself when absent. */
  suggestionLabel?: string;
}

/** A parser's answer: `value` is null exactly when a finding is an error in the rule catalogue. */
export interface Parsed<T> {
  value: T | null;
  findings: ParseFinding[];
}

export function hasError(findings: readonly ParseFinding[]): boolean {
  return findings.some((finding) => ruleById(finding.ruleId).severity === 'error');
}

/** Builds the answer, dropping the value when an error was found so callers cannot use it by accident. */
export function parsed<T>(value: NoInfer<T> | null, findings: ParseFinding[]): Parsed<T> {
  return { value: hasError(findings) ? null : value, findings };
}

/** A cell holds at most this many characters; longer text is rejected before any parsing. */
export const MAX_TEXT_LENGTH = 2000;

/** Keeps long inputs readable inside a message. */
export function excerpt(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function tooLongFinding(text: string): ParseFinding {
  return {
    ruleId: 'text-too-long',
    found: `${excerpt(text, 40)} (${text.length.toLocaleString('en')} characters)`,
    expected: `at most ${MAX_TEXT_LENGTH.toLocaleString('en')} characters`,
  };
}

export function formulaFinding(text: string): ParseFinding {
  return {
    ruleId: 'formula-not-evaluated',
    found: excerpt(text),
    expected: 'the value itself typed as plain text; formulas are never evaluated',
  };
}

/** "", "   " and null: an empty cell, which clears the value. */
export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}
