import { DateTime } from 'luxon';
import type { CellFormat, UserEnteredValue } from '../workbook';

/** en_US as Sheets reads it: "1,234.5" is a number, "4.000.000" is text. */
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/;

/**
 * What a person typing `text` into a cell (or a script calling setValue with a string) stores: a
 * plain-text cell keeps the text as typed; otherwise numbers, booleans and formulas are recognised, a
 * leading apostrophe forces text, and the empty string clears the value.
 */
export function enteredValueOf(text: string, format: CellFormat | undefined): UserEnteredValue | undefined {
  if (text === '') return undefined;
  if (format?.numberFormat?.type === 'TEXT') return { stringValue: text };
  if (text.startsWith("'")) return { stringValue: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { formulaValue: text };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { numberValue: Number(trimmed.replace(/,/g, '')) };
  if (/^(true|false)$/i.test(trimmed)) return { boolValue: trimmed.toLowerCase() === 'true' };
  return { stringValue: text };
}

/** A value handed to Range.setValues: numbers and booleans as they are, strings read like typed text. */
export function scriptValueOf(value: unknown, format: CellFormat | undefined): UserEnteredValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot set a cell to ${value}.`);
    return { numberValue: value };
  }
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'string') return enteredValueOf(value, format);
  throw new Error(
    `Range.setValues of a ${Object.prototype.toString.call(value)} is not implemented by the va-assess Apps Script double (strings, numbers and booleans are)`,
  );
}

/**
 * What getValues() answers: the literal. Sheets would answer a formula's computed result; the model
 * never evaluates formulas, so reading one is refused rather than answered with a made-up value.
 */
export function scriptValueFrom(value: UserEnteredValue | undefined): string | number | boolean {
  if (value === undefined) return '';
  if ('numberValue' in value) return value.numberValue;
  if ('boolValue' in value) return value.boolValue;
  if ('stringValue' in value) return value.stringValue;
  throw new Error(
    `Reading the result of the formula ${value.formulaValue.slice(0, 80)} is not implemented by the va-assess Apps Script double: it stores formulas and never evaluates them`,
  );
}

/** What getDisplayValues() answers, without number formats (the model applies none). */
export function displayValueFrom(value: UserEnteredValue | undefined): string {
  const plain = scriptValueFrom(value);
  if (typeof plain === 'boolean') return plain ? 'TRUE' : 'FALSE';
  return String(plain);
}

/** Sheets' serial dates count days from 1899-12-30 (https://developers.google.com/sheets/api/guides/formats). */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DATE_TYPES = new Set(['DATE', 'DATE_TIME', 'TIME']);

/**
 * What getValues() answers for one cell: a number in a cell formatted as a date (DATE, DATE_TIME,
 * TIME) is a Date, the serial's wall-clock time in the spreadsheet's time zone, as SpreadsheetApp
 * answers it; anything else as scriptValueFrom.
 */
export function scriptValueAt(
  value: UserEnteredValue | undefined,
  format: CellFormat | undefined,
  timeZone: string,
): string | number | boolean | Date {
  const type = format?.numberFormat?.type;
  if (value === undefined || !('numberValue' in value) || type === undefined || type === null) {
    return scriptValueFrom(value);
  }
  if (!DATE_TYPES.has(type)) return value.numberValue;
  const wall = DateTime.fromMillis(SERIAL_EPOCH_UTC + Math.round(value.numberValue * 86_400_000), {
    zone: 'utc',
  });
  const local = DateTime.fromObject(
    {
      year: wall.year,
      month: wall.month,
      day: wall.day,
      hour: wall.hour,
      minute: wall.minute,
      second: wall.second,
      millisecond: wall.millisecond,
    },
    { zone: timeZone },
  );
  if (!local.isValid) throw new Error(`The spreadsheet's time zone "${timeZone}" is not a time zone.`);
  return new Date(local.toMillis());
}
