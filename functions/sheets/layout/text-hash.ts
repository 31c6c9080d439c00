import { createHash } from 'node:crypto';

/**
 * What the functions last wrote into a cell, recorded in DynamoDB (never in the sheet, which any
 * editor can rewrite): 16 hex characters of SHA-256 tell an unchanged text from a person's edit
 * without storing the text twice.
 */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}
