import type { sheets_v4 } from '@googleapis/sheets';
import { type Cell, effectiveValueOf, formattedValueOf, type UserEnteredValue } from '../workbook';
import { invalidArgument } from './sheets-api-error';

/** The writable part of a stored cell, in the API's shape (what a field mask applies to). */
export function writableCellData(cell: Cell): sheets_v4.Schema$CellData {
  const data: sheets_v4.Schema$CellData = {};
  if (cell.userEnteredValue !== undefined) data.userEnteredValue = structuredClone(cell.userEnteredValue);
  if (cell.userEnteredFormat !== undefined) data.userEnteredFormat = structuredClone(cell.userEnteredFormat);
  if (cell.note !== undefined) data.note = cell.note;
  if (cell.dataValidation !== undefined) data.dataValidation = structuredClone(cell.dataValidation);
  return data;
}

/**
 * A cell as `spreadsheets.get` shows it. No effectiveFormat: the local stack does not compute
 * inherited defaults; no effectiveValue for formulas: it never evaluates them.
 */
export function readableCellData(cell: Cell): sheets_v4.Schema$CellData {
  const data = writableCellData(cell);
  const effective = effectiveValueOf(cell);
  if (effective !== undefined) data.effectiveValue = effective;
  const formatted = formattedValueOf(cell);
  if (formatted !== undefined) data.formattedValue = formatted;
  // Google lists the keys in this order; it keeps JSON of two reads comparable by eye.
  const ordered: sheets_v4.Schema$CellData = {};
  for (const key of [
    'userEnteredValue',
    'effectiveValue',
    'formattedValue',
    'userEnteredFormat',
    'note',
    'dataValidation',
  ] as const) {
    if (data[key] !== undefined) (ordered as Record<string, unknown>)[key] = data[key];
  }
  return ordered;
}

export function toUserEnteredValue(
  value: sheets_v4.Schema$ExtendedValue | null | undefined,
  at: string,
): UserEnteredValue | undefined {
  if (value === undefined || value === null) return undefined;
  const kinds = Object.entries(value).filter(([, inner]) => inner !== undefined && inner !== null);
  if (kinds.length === 0) return undefined;
  if (kinds.length > 1) {
    throw invalidArgument(
      `Invalid value at '${at}': exactly one of stringValue, numberValue, boolValue, formulaValue may be set, found ${kinds.map(([k]) => k).join(', ')}.`,
    );
  }
  const [kind, inner] = kinds[0] as [string, unknown];
  const expect = (type: string) => {
    if (typeof inner !== type)
      throw invalidArgument(
        `Invalid value at '${at}.${kind}' (${type} expected), found ${JSON.stringify(inner)}.`,
      );
  };
  switch (kind) {
    case 'stringValue':
      expect('string');
      return { stringValue: inner as string };
    case 'numberValue':
      expect('number');
      return { numberValue: inner as number };
    case 'boolValue':
      expect('boolean');
      return { boolValue: inner as boolean };
    case 'formulaValue':
      expect('string');
      return { formulaValue: inner as string };
    default:
      throw invalidArgument(`Invalid value at '${at}': unknown kind ${kind}.`);
  }
}

/** Back from the API's shape (after a field mask) to a stored cell. */
export function cellFromData(data: sheets_v4.Schema$CellData, at: string): Cell {
  const cell: Cell = {};
  const value = toUserEnteredValue(data.userEnteredValue, `${at}.userEnteredValue`);
  if (value !== undefined) cell.userEnteredValue = value;
  if (data.userEnteredFormat !== undefined && data.userEnteredFormat !== null) {
    cell.userEnteredFormat = structuredClone(data.userEnteredFormat) as Cell['userEnteredFormat'];
  }
  if (typeof data.note === 'string' && data.note !== '') cell.note = data.note;
  if (data.dataValidation !== undefined && data.dataValidation !== null) {
    cell.dataValidation = structuredClone(data.dataValidation);
  }
  return cell;
}
