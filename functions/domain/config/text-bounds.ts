import { z } from 'zod';

/**
 * How long each configuration text may be. Every text lands in one cell of the shared sheet (Google
 * refuses more than 50,000 characters in a cell: https://support.google.com/docs/answer/37603), in
 * a heading or table cell of the report, and in the export pasted into the EC portal, whose free-text
 * fields are a few thousand characters. So: short labels for what is printed as a heading or column,
 * a few thousand characters for the descriptive texts, and the whole configuration well inside
 * DynamoDB's 400 KB per installation item. A longer text is refused when the configuration is saved,
 * naming the field and its limit, instead of every later write-back failing.
 */
export const TEXT_BOUNDS = {
  /** Names and titles printed as headings or in a table column. */
  name: 200,
  /** Short codes: task, deliverable id, work package, version. */
  code: 50,
  /** Units, statuses, levels and other one-line labels. */
  label: 100,
  /** Metric labels and report titles: a sentence. */
  sentence: 300,
  /** URLs and catalogue links. */
  url: 2000,
  /** Descriptive paragraphs (description, modality of access, user definition...). */
  paragraph: 4000,
} as const;

/**
 * Lists of texts (providers, authors, budgets) and of people (editors), metrics per installation and
 * installations per project: with the text bounds, the largest installation the schema allows is
 * about 310 KB (every text at its bound, in two-byte characters) and the largest project item about
 * 35 KB, inside DynamoDB's 400 KB per item (test/unit/storage/config-item-sizes.test.ts measures both).
 */
export const LIST_BOUNDS = { texts: 50, people: 200, metrics: 100, installations: 500 } as const;

/** A string of at most `max` characters; the message names the limit and what was found. */
export function boundedText(max: number) {
  return z.string().max(max, {
    error: (issue) =>
      `expected at most ${max} characters (what the sheet, the report and the portal export carry), found ${String((issue.input as string | undefined)?.length ?? '?')}`,
  });
}

/** A list of at most `max` members. */
export function boundedList<T extends z.ZodType>(member: T, max: number) {
  return z.array(member).max(max, {
    error: (issue) =>
      `expected at most ${max} entries, found ${String((issue.input as unknown[] | undefined)?.length ?? '?')}`,
  });
}
