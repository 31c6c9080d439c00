import type { DraftFormat } from '../drafts/draft-format';
import { unconfiguredSentence } from '../summary/unconfigured-values';
import type { WindowSummary } from '../summary/window-summary';
import { periodHeading } from './period-heading';
import type { CompletenessSection } from './report-model';

/** How many of the expected values were entered, and which are still missing and from whom. */
export function completenessSection(summary: WindowSummary, format: DraftFormat): CompletenessSection {
  const { completeness, window } = summary;
  const missingCount = completeness.missing.length;
  const paragraphs = [
    `${format.percent(completeness.percentComplete)} of the values expected for ${window.label} were entered (${format.number(completeness.present)} of ${format.number(completeness.expected)}).` +
      (missingCount === 0
        ? ' No value is missing.'
        : ` ${format.number(missingCount)} ${missingCount === 1 ? 'value is' : 'values are'} missing and left out of the figures above, which are then lower bounds.`),
  ];
  const unconfigured = unconfiguredSentence(completeness.unconfigured, format.number);
  if (unconfigured !== null) paragraphs.push(unconfigured);
  return {
    paragraphs,
    missing: {
      header: ['Installation', 'Metric', 'Period', 'To be entered by', 'Overdue'],
      rows: completeness.missing.map((item) => [
        item.installationName,
        item.metricLabel,
        periodHeading(item),
        item.editors.length === 0 ? 'no editor configured' : item.editors.join(', '),
        item.due ? 'yes' : 'not yet due',
      ]),
    },
  };
}
