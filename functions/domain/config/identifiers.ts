import { z } from 'zod';

/** Ids are used in URLs, DynamoDB keys and CSV cells, so they stay lowercase and free of separators we key on. */
export const slugSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'use lowercase letters, digits and dashes (at most 64), e.g. "ifca-cpu"',
  );

export const emailSchema = z
  .email()
  .max(254)
  .transform((email) => email.toLowerCase());

/** ISO calendar date (yyyy-mm-dd), interpreted in the project's time zone. */
export const isoDateSchema = z.iso.date();
