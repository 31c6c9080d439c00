import { z } from 'zod';
import { slugSchema } from './identifiers';
import { boundedText, TEXT_BOUNDS } from './text-bounds';

/**
 * What the EC Funding & Tenders portal's Installations table needs that the rest of the configuration
 * does not say (docs/ec-portal.md maps every column). Optional here, so a project that never exports
 * still validates; the export names each installation and field still missing.
 */
export const portalFieldsSchema = z.strictObject({
  beneficiary: boundedText(TEXT_BOUNDS.code)
    .min(1)
    .optional()
    .describe('The access provider: the beneficiary\'s short name in the grant agreement, e.g. "CSIC"'),
  infrastructure: boundedText(TEXT_BOUNDS.name)
    .min(1)
    .optional()
    .describe('The research infrastructure the installation belongs to, e.g. "IFCA-CSIC Scientific Cloud"'),
  accessMetric: slugSchema
    .optional()
    .describe(
      'The metric whose window figure is the quantity of access, e.g. "cpu-hours"; default: the one metric counting toward a budget',
    ),
  countriesMetric: slugSchema
    .optional()
    .describe(
      "The country-list metric giving the users' countries; default: the installation's one country list",
    ),
});

export type PortalFields = z.infer<typeof portalFieldsSchema>;
