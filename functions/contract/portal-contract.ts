/** The wire contract of the EC portal export (issue 19, item 5), beside contract.ts to keep it within its size. */
import { z } from 'zod';
import { PORTAL_FORMATS } from '../domain/portal/portal-table';
import { windowQuerySchema } from './contract';

export const portalLinkQuerySchema = windowQuerySchema.extend({
  format: z
    .enum(PORTAL_FORMATS, { error: `expected ?format= with one of ${PORTAL_FORMATS.join(', ')}` })
    .default('xlsx'),
});

/** GET .../portal: a member's token, or a signed link's expires and signature. */
export const portalQuerySchema = portalLinkQuerySchema.extend({
  expires: z.string().optional(),
  signature: z.string().max(256).optional(),
});

export interface PortalLinkResponse {
  /** GET this without any token until expiresAt: the portal table file. */
  url: string;
  expiresAt: string;
  fileName: string;
  /** "PY1 (M01–M12)" */
  windowLabel: string;
  /** How many installation rows the file holds. */
  rows: number;
}
