import { randomBytes } from 'node:crypto';

/** Shaped like Google's ids (44 URL-safe characters) so code that checks the shape accepts it. */
export const newSpreadsheetId = (): string => randomBytes(33).toString('base64url');
