import { z } from 'zod';

/**
 * Whom a person may ask to be listed. Members get it at once; someone the configuration does not list
 * gets it only after proving, as the binding does, that they can edit the project's bound spreadsheet
 * (POST .../contacts/challenge, the nonce written as developer metadata, then POST .../contacts).
 * Strangers who cannot edit it learn nothing, not even whether the spreadsheet is the project's.
 */
export const contactsResponseSchema = z.object({
  projectId: z.string(),
  /** The coordinators' e-mail addresses, as the configuration lists them. */
  coordinators: z.array(z.string()),
});

export type ContactsResponse = z.infer<typeof contactsResponseSchema>;
