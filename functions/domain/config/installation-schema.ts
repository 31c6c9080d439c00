import { z } from 'zod';
import { emailSchema, slugSchema } from './identifiers';
import { metricDefinitionSchema } from './metric-definition-schema';

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
  name: z.string().min(1).describe('As in the report heading, e.g. "IFCA-CSIC Scientific Cloud – CPU"'),
  task: z.string().min(1).describe('e.g. "T4.3"'),
  role: z.enum(INSTALLATION_ROLES),
  resourceKind: z.enum(RESOURCE_KINDS),
  providers: z.array(z.string().min(1)).default([]),
  location: z.string().default(''),
  description: z.string().default(''),
  url: z.string().default(''),
  serviceCategory: z.string().default(''),
  serviceCatalogue: z.string().default(''),
  duration: z.string().default(''),
  modalityOfAccess: z.string().default(''),
  supportOffered: z.string().default(''),
  operationalSince: z.string().default(''),
  userDefinition: z.string().default(''),
  capacity: capacitySchema.optional(),
  editors: z
    .array(emailSchema)
    .default([])
    .describe('Partners allowed to enter values for this installation'),
  metrics: z.array(metricDefinitionSchema).min(1),
});

export type Capacity = z.infer<typeof capacitySchema>;
export type Installation = z.infer<typeof installationSchema>;
