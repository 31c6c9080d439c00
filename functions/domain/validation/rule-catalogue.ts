import type { Severity } from './validation-outcome';

export interface ValidationRule {
  id: string;
  severity: Severity;
  /** What the rule checks, in words a coordinator reads in `va-assess rules`. */
  description: string;
}

/**
 * Every rule the validator applies, as data: the CLI lists them, the add-on shows them, and the
 * validator refers to them by id so a finding always points back to a documented rule.
 */
export const VALIDATION_RULES = [
  {
    id: 'not-a-number',
    severity: 'error',
    description: 'Hours, TB-month and counts must be numbers, e.g. 94,656 or 3.4.',
  },
  {
    id: 'ambiguous-separator',
    severity: 'warning',
    description:
      'A single "," or "." followed by exactly three digits (1,500 or 1.500) reads two ways. It is read as the sheet locale says (as thousands without a locale) and warned, with both readings and the likelier one given the previous period, when there is no locale, or when in hours or a count the locale read it as a decimal mark or the previous period makes the other reading likelier.',
  },
  {
    id: 'foreign-separator',
    severity: 'warning',
    description:
      'A number written with the other convention than the sheet locale (4.000.000 in an English sheet) is read and warned.',
  },
  {
    id: 'abbreviated-number',
    severity: 'note',
    description: 'Suffixes are expanded: 1M = 1,000,000, 3k = 3,000.',
  },
  {
    id: 'unit-converted',
    severity: 'note',
    description: 'Storage in PB or GB is converted to the metric unit (1 PB = 1,000 TB).',
  },
  {
    id: 'comparator-in-value',
    severity: 'error',
    description: 'Comparators (> 200) are for baselines only; a period value is a measured figure.',
  },
  { id: 'negative', severity: 'error', description: 'Usage cannot be negative.' },
  {
    id: 'implausible-value',
    severity: 'error',
    description:
      'A figure beyond what can be reported is rejected, however it arrives (JSON number or text): above 1,000,000,000,000 (above 250 for a number of countries), or above 0 yet below 0.000001.',
  },
  {
    id: 'far-above-reference',
    severity: 'warning',
    description:
      "A period value above 10 times the larger of the metric's baseline and its budget's whole amount is warned.",
  },
  { id: 'not-whole', severity: 'error', description: 'Counts (users, models, countries) are whole numbers.' },
  {
    id: 'unknown-country',
    severity: 'error',
    description:
      'Countries are ISO 3166-1 alpha-2 codes (ES, DE, GB...); a likely code is suggested (SP → ES).',
  },
  {
    id: 'eu-country-alias',
    severity: 'note',
    description: "The EU's own codes UK and EL are accepted as GB and GR.",
  },
  {
    id: 'country-name',
    severity: 'note',
    description: 'A country written by name (Spain) is accepted as its code (ES).',
  },
  {
    id: 'country-lookalike',
    severity: 'warning',
    description:
      'A valid code that is a frequent slip in a list of European countries is warned (GE is Georgia: did you mean DE?).',
  },
  {
    id: 'empty-country-list',
    severity: 'warning',
    description: '"0", "none" or "N/A" is read as an empty country list.',
  },
  { id: 'duplicate-country', severity: 'warning', description: 'A country listed twice is kept once.' },
  {
    id: 'country-count-mismatch',
    severity: 'error',
    description:
      'A number of countries equals the length of the country list of the same period when both are given.',
  },
  {
    id: 'period-outside-project',
    severity: 'error',
    description: 'The period lies inside the project duration.',
  },
  {
    id: 'period-in-future',
    severity: 'error',
    description: 'A period that has not started yet (project time zone) has no values.',
  },
  {
    id: 'sudden-jump',
    severity: 'warning',
    description: 'More than 10 times the previous period is warned.',
  },
  {
    id: 'sudden-fall',
    severity: 'warning',
    description: 'Less than a tenth of the previous period (but not zero) is warned.',
  },
  {
    id: 'drop-to-zero',
    severity: 'warning',
    description: 'A drop to zero from a non-zero previous period is warned.',
  },
  {
    id: 'above-capacity',
    severity: 'error',
    description:
      "Hours above what the installation's capacity (cores or GPUs x hours in the period) could deliver are rejected.",
  },
  {
    id: 'platform-above-infrastructure',
    severity: 'warning',
    description:
      'A platform cannot use more hours than all infrastructure installations delivered in the same period.',
  },
  {
    id: 'unknown-installation',
    severity: 'error',
    description: 'The installation exists in the project configuration.',
  },
  { id: 'unknown-metric', severity: 'error', description: 'The metric is defined for the installation.' },
  {
    id: 'not-an-editor',
    severity: 'error',
    description:
      "A value typed in the sheet by someone who is not an editor of the installation is refused, even if the sheet's protection was removed; the history keeps it with both identities.",
  },
  {
    id: 'period-locked',
    severity: 'error',
    description:
      "A value for a period a coordinator locked (its deliverable submitted) is refused and kept in the history as refused; only a coordinator's amendment, with a reason, changes it.",
  },
  { id: 'text-too-long', severity: 'error', description: 'A cell holds at most 2,000 characters.' },
  {
    id: 'unexpected-unit',
    severity: 'error',
    description:
      'Only storage metrics (TB-month) take a unit (PB, TB, GB); other values are plain numbers in the metric unit.',
  },
  {
    id: 'alpha3-country-code',
    severity: 'note',
    description: 'An ISO 3166-1 alpha-3 code (ESP) is accepted as its alpha-2 code (ES).',
  },
  {
    id: 'formula-not-evaluated',
    severity: 'error',
    description:
      'Text that looks like a formula (=IMPORTXML(...)) is never evaluated; type the value itself.',
  },
  {
    id: 'wrong-type',
    severity: 'error',
    description: 'A cell holds a number or text; TRUE/FALSE and other types are rejected.',
  },
] as const satisfies readonly ValidationRule[];

export type RuleId = (typeof VALIDATION_RULES)[number]['id'];

export function ruleById(id: RuleId): ValidationRule {
  const rule = VALIDATION_RULES.find((candidate) => candidate.id === id);
  if (rule === undefined) throw new Error(`rule ${id} is missing from VALIDATION_RULES`);
  return rule;
}
