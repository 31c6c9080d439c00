import {
  entryKeyString,
  entryRowKeyString,
  parseSheetRowKey,
  sheetRowKey,
  unvalidatedEntryKey,
  unvalidatedRowKey,
} from '../../../functions/domain/entries/entry-key';
import { entryRowValue, parseEntryRowValue } from '../../../functions/sheets/layout/anchors';
import { InvalidKeyPartError, keys } from '../../../infra/table-design';

/**
 * Stored DynamoDB items and existing sheets hold these strings: each medium's form of the entry key
 * must read back exactly as it was written before the forms were named in one module.
 */
describe('the entry key in each medium', () => {
  const key = { installationId: 'ifca-cpu', metricId: 'cpu-hours', periodId: 'P2' } as const;

  it('keeps the DynamoDB keys stored items have', () => {
    expect(keys.entrySk(key)).toBe('ENTRY#P2#ifca-cpu#cpu-hours');
    expect(keys.historyPk('demo', key)).toBe('HISTORY#demo#ifca-cpu#cpu-hours#P2');
    expect(keys.entryPeriodPrefix('P2')).toBe('ENTRY#P2#');
  });

  it('refuses to store an id holding the storage separator, naming the part', () => {
    expect(() => keys.entrySk({ ...key, metricId: 'cpu#hours' })).toThrow(InvalidKeyPartError);
    expect(() => keys.historyPk('demo', { ...key, installationId: '' })).toThrow(
      'Cannot build a storage key from installationId ""',
    );
  });

  it("keeps the Metrics tab's row key and reads it back", () => {
    expect(sheetRowKey(key)).toBe('ifca-cpu/cpu-hours');
    expect(entryRowValue(key)).toBe('ifca-cpu/cpu-hours');
    expect(parseSheetRowKey('ifca-cpu/cpu-hours')).toEqual({
      installationId: 'ifca-cpu',
      metricId: 'cpu-hours',
    });
    expect(parseEntryRowValue('ifca-cpu/cpu-hours/P2')).toBeUndefined();
    expect(parseSheetRowKey('ifca-cpu/')).toBeUndefined();
  });

  it('keeps the in-memory forms apart for ids that hold a separator', () => {
    expect(entryKeyString(key)).toBe('ifca-cpu#cpu-hours#P2');
    expect(entryRowKeyString(key)).toBe('ifca-cpu#cpu-hours');
    expect(unvalidatedRowKey({ installationId: 'a#b', metricId: 'c' })).not.toBe(
      unvalidatedRowKey({ installationId: 'a', metricId: 'b#c' }),
    );
    expect(unvalidatedEntryKey({ installationId: 'a/b', metricId: 'c', periodId: 'P1' })).toBe(
      'a/b\u0000c\u0000P1',
    );
  });
});
