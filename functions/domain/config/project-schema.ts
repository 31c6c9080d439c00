import { IANAZone } from 'luxon';
import { z } from 'zod';
import { MAX_PLAUSIBLE_FIGURE, MIN_NONZERO_FIGURE } from './figure-bounds';
import { emailSchema, isoDateSchema, slugSchema } from './identifiers';
import { expectedOneOf, looseNumber, looseRecord, looseRecords, looseString } from './loose-reading';
import { boundedList, boundedText, LIST_BOUNDS, TEXT_BOUNDS } from './text-bounds';

/** A pool of resources the project promised to deliver (e.g. 6,000,000 CPU-hours over 36 months). */
export const resourceBudgetSchema = z.strictObject({
  id: slugSchema.describe('Referenced by metric definitions through countsToward, e.g. "cpu-hours"'),
  label: boundedText(TEXT_BOUNDS.name).min(1).describe('As printed in the report, e.g. "CPU-hours"'),
  unit: boundedText(TEXT_BOUNDS.label).min(1).describe('Unit of the amount, e.g. "CPU-hours" or "TB-month"'),
  amount: z
    .number()
    .min(
      MIN_NONZERO_FIGURE,
      `expected a budget of at least ${MIN_NONZERO_FIGURE}: every share of it divides by it`,
    )
    .max(MAX_PLAUSIBLE_FIGURE, `expected a budget of at most ${MAX_PLAUSIBLE_FIGURE.toExponential()}`)
    .describe('Total for the whole project duration'),
});

/** Budgets reported together, as the executive summary does with "CPU and GPU-hours". */
export const budgetGroupSchema = z.strictObject({
  id: slugSchema,
  label: boundedText(TEXT_BOUNDS.name).min(1),
  budgetIds: z.array(slugSchema).min(1),
});

/** The report's document description table; every field has a default so a config without it still reports. */
export const reportSettingsSchema = z.strictObject({
  deliverableId: boundedText(TEXT_BOUNDS.code)
    .default('')
    .describe('e.g. "D4.2"; empty when the report is not a numbered deliverable'),
  title: boundedText(TEXT_BOUNDS.sentence)
    .min(1)
    .default('Periodical assessment of Virtual Access installations')
    .describe('e.g. "1st Periodical assessment of AI and Infrastructure services"'),
  workPackage: boundedText(TEXT_BOUNDS.code).default('').describe('e.g. "WP4"'),
  documentType: boundedText(TEXT_BOUNDS.label).default('Deliverable'),
  status: boundedText(TEXT_BOUNDS.label).min(1).default('Draft').describe('e.g. "Under EC Review"'),
  version: boundedText(TEXT_BOUNDS.code).min(1).default('0.1'),
  disseminationLevel: boundedText(TEXT_BOUNDS.label).min(1).default('Public'),
  leadPartner: boundedText(TEXT_BOUNDS.name).default(''),
  authors: boundedList(boundedText(TEXT_BOUNDS.name).min(1), LIST_BOUNDS.texts)
    .default([])
    .describe('As printed, e.g. "Jane Doe (CSIC)"'),
  locale: z
    .string()
    .min(2)
    .default('en-GB')
    .describe(
      'Locale the report prints numbers in (the report is written in English); distinct from the sheet locale partners type in',
    ),
});

/** Calendar and budget-group checks, on the project as written (see loose-reading.ts). */
function checkProject(value: unknown, report: (path: (string | number)[], message: string) => void) {
  const project = looseRecord(value);
  if (project === undefined) return;
  const durationMonths = looseNumber(project.durationMonths);
  const periodMonths = looseNumber(project.periodMonths);
  if (periodMonths !== undefined && periodMonths > 0) {
    if (durationMonths !== undefined && durationMonths % periodMonths !== 0) {
      report(
        ['periodMonths'],
        `periodMonths (${periodMonths}) must divide durationMonths (${durationMonths})`,
      );
    }
    if (12 % periodMonths !== 0) {
      report(['periodMonths'], `periodMonths (${periodMonths}) must divide a project year of 12 months`);
    }
  }
  const budgetIds: string[] = [];
  looseRecords(project.budgets).forEach((budget, index) => {
    const id = looseString(budget?.id);
    if (id === undefined) return;
    if (budgetIds.includes(id)) {
      report(
        ['budgets', index, 'id'],
        `duplicate budget id "${id}"; expected each budget to have its own id`,
      );
    }
    budgetIds.push(id);
  });
  looseRecords(project.budgetGroups).forEach((group, groupIndex) => {
    const members = Array.isArray(group?.budgetIds) ? (group.budgetIds as unknown[]) : [];
    members.forEach((budgetId, index) => {
      if (typeof budgetId === 'string' && !budgetIds.includes(budgetId)) {
        report(
          ['budgetGroups', groupIndex, 'budgetIds', index],
          `unknown budget "${budgetId}"; ${expectedOneOf(budgetIds, 'the project has no budgets')}`,
        );
      }
    });
  });
}

export const projectSchema = z
  .strictObject({
    id: slugSchema,
    title: boundedText(TEXT_BOUNDS.sentence).min(1),
    acronym: boundedText(TEXT_BOUNDS.code).optional(),
    grantAgreement: boundedText(TEXT_BOUNDS.code).optional(),
    startDate: isoDateSchema.describe('First day of month M01, e.g. "2022-09-01"'),
    durationMonths: z.number().int().positive().max(240),
    periodMonths: z.number().int().positive().describe('Length of a reporting period, e.g. 6'),
    timeZone: z
      .string()
      .refine((zone) => IANAZone.isValidZone(zone), 'expected an IANA time zone such as "Europe/Madrid"'),
    locale: z
      .string()
      .optional()
      .describe(
        'Locale of the shared sheet (e.g. "en-GB", "es-ES"); decides whether "1,500" means 1500 or 1.5. Without it such forms are warned.',
      ),
    coordinators: boundedList(emailSchema, LIST_BOUNDS.texts).min(1),
    budgets: boundedList(resourceBudgetSchema, LIST_BOUNDS.texts),
    budgetGroups: boundedList(budgetGroupSchema, LIST_BOUNDS.texts).default([]),
    report: reportSettingsSchema
      .optional()
      .describe('The report document: deliverable id, title, authors...'),
  })
  .superRefine(
    (project, ctx) =>
      checkProject(project, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
    // Runs even when another project field is wrong, so every problem shows in the first round.
    { when: () => true },
  );

export type ResourceBudget = z.infer<typeof resourceBudgetSchema>;
export type BudgetGroup = z.infer<typeof budgetGroupSchema>;
export type Project = z.infer<typeof projectSchema>;
export type ReportSettings = z.infer<typeof reportSettingsSchema>;
