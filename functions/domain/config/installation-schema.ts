import { z } from 'zod';
import { emailSchema, slugSchema } from './identifiers';
import { metricDefinitionSchema } from './metric-definition-schema';
import { portalFieldsSchema } from './portal-fields-schema';
import { boundedList, boundedText, LIST_BOUNDS, TEXT_BOUNDS } from './text-bounds';

/** A platform runs on the infrastructure installations, so its usage is not added to theirs. */
export const INSTALLATION_ROLES = ['platform', 'infrastructure'] as const;
export type InstallationRole = (typeof INSTALLATION_ROLES)[number];

export const RESOURCE_KINDS = ['platform', 'cpu', 'gpu', 'storage'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** What the installation could deliver at most; hours above it in a period are rejected. */
export const capacitySchema = z.strictObject({
  cpuCores: z.number().int().positive().optional(),
  gpus: z.number().int().positive().optional(),
  storageTB: z.number().positive().optional(),
});

export const installationSchema = z.strictObject({
  id: slugSchema,
  name: boundedText(TEXT_BOUNDS.name)
    .min(1)
    .describe('As in the report heading, e.g. "IFCA-CSIC Scientific Cloud – CPU"'),
  task: boundedText(TEXT_BOUNDS.code).min(1).describe('e.g. "T4.3"'),
  role: z.enum(INSTALLATION_ROLES),
  resourceKind: z.enum(RESOURCE_KINDS),
  providers: boundedList(boundedText(TEXT_BOUNDS.name).min(1), LIST_BOUNDS.texts).default([]),
  location: boundedText(TEXT_BOUNDS.name).default(''),
  description: boundedText(TEXT_BOUNDS.paragraph).default(''),
  url: boundedText(TEXT_BOUNDS.url).default(''),
  serviceCategory: boundedText(TEXT_BOUNDS.name).default(''),
  serviceCatalogue: boundedText(TEXT_BOUNDS.url).default(''),
  duration: boundedText(TEXT_BOUNDS.name).default(''),
  modalityOfAccess: boundedText(TEXT_BOUNDS.paragraph).default(''),
  supportOffered: boundedText(TEXT_BOUNDS.paragraph).default(''),
  operationalSince: boundedText(TEXT_BOUNDS.name).default(''),
  userDefinition: boundedText(TEXT_BOUNDS.paragraph).default(''),
  capacity: capacitySchema.optional(),
  editors: boundedList(emailSchema, LIST_BOUNDS.people)
    .default([])
    .describe('Partners allowed to enter values for this installation'),
  metrics: boundedList(metricDefinitionSchema, LIST_BOUNDS.metrics).min(1),
  portal: portalFieldsSchema.optional().describe("The EC portal's Installations table (docs/ec-portal.md)"),
});

export type Capacity = z.infer<typeof capacitySchema>;
export type Installation = z.infer<typeof installationSchema>;
