import type { EntryKey } from '../../../functions/domain/entries/entry';
import { crossEntryReads } from '../../../functions/domain/validation/cross-entry-reads';
import { tinyConfig } from '../../fixtures/tiny-config';

/** Six periods (P1..P6): an infrastructure's CPU-hours, a platform's hours, a list and its count. */
const config = tinyConfig([
  {
    id: 'cpu',
    metrics: [
      { id: 'hours', kind: 'hours', countsToward: 'cpu-hours' },
      { id: 'countries', kind: 'country-list' },
      { id: 'country-count', kind: 'country-count', countOf: 'countries' },
    ],
  },
  { id: 'platform', role: 'platform', resourceKind: 'platform', metrics: [{ id: 'hours', kind: 'hours' }] },
]);
const reads = crossEntryReads(config);
const at = (installationId: string, metricId: string, periodId: string) =>
  ({ installationId, metricId, periodId }) as EntryKey;
const names = (keys: readonly EntryKey[]) =>
  keys.map((key) => `${key.installationId}/${key.metricId}/${key.periodId}`).sort();

/** The stored cells an edit has to read, so a single edit is one read of exactly these keys. */
describe('crossEntryReads', () => {
  it.each([
    { periodId: 'P1', expected: [] },
    { periodId: 'P2', expected: ['cpu/hours/P1'] },
    { periodId: 'P6', expected: ['cpu/hours/P5'] },
    { periodId: 'P7', expected: [] },
    { periodId: 'Q1', expected: [] },
  ])(
    'compares hours of $periodId with the period before it, inside the project',
    ({ periodId, expected }) => {
      expect(names(reads.readBy(at('cpu', 'hours', periodId)))).toEqual(expected);
    },
  );

  it('compares a country count with its list, and a platform with every infrastructure hour of the period', () => {
    expect(names(reads.readBy(at('cpu', 'country-count', 'P1')))).toEqual(['cpu/countries/P1']);
    expect(names(reads.readBy(at('platform', 'hours', 'P2')))).toEqual(['cpu/hours/P2', 'platform/hours/P1']);
  });

  it('names the cells whose outcome a changed cell can change: the next period, its count, the platforms', () => {
    expect(names(reads.readersOf(at('cpu', 'hours', 'P2')))).toEqual(['cpu/hours/P3', 'platform/hours/P2']);
    expect(names(reads.readersOf(at('cpu', 'countries', 'P6')))).toEqual(['cpu/country-count/P6']);
    expect(reads.readersOf(at('nobody', 'hours', 'P2'))).toEqual([]);
  });

  it('reads, for a batch, each needed cell once: the cells, what they read, their readers and what those read', () => {
    expect(names(reads.neighbourhood([at('cpu', 'hours', 'P2'), at('cpu', 'hours', 'P2')]))).toEqual([
      'cpu/hours/P1',
      'cpu/hours/P2',
      'cpu/hours/P3',
      'platform/hours/P1',
      'platform/hours/P2',
    ]);
  });
});
