import { IANAZone } from 'luxon';
import { z } from 'zod';
import { MAX_PLAUSIBLE_FIGURE, MIN_NONZERO_FIGURE } from './figure-bounds';
import { emailSchema, isoDateSchema, slugSchema } from './identifiers';
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
  .superRefine((project, ctx) => {
    if (project.durationMonths % project.periodMonths !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodMonths'],
        message: `periodMonths (${project.periodMonths}) must divide durationMonths (${project.durationMonths})`,
      });
    }
    if (12 % project.periodMonths !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodMonths'],
        message: `periodMonths (${project.periodMonths}) must divide a project year of 12 months`,
      });
    }
    const budgetIds = new Set(project.budgets.map((budget) => budget.id));
    project.budgetGroups.forEach((group, groupIndex) => {
      group.budgetIds.forEach((budgetId, index) => {
        if (!budgetIds.has(budgetId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['budgetGroups', groupIndex, 'budgetIds', index],
            message: `unknown budget "${budgetId}"; expected one of ${[...budgetIds].join(', ')}`,
          });
        }
      });
    });
  });

export type ResourceBudget = z.infer<typeof resourceBudgetSchema>;
export type BudgetGroup = z.infer<typeof budgetGroupSchema>;
export type Project = z.infer<typeof projectSchema>;
export type ReportSettings = z.infer<typeof reportSettingsSchema>;
