import { tabsAreCurrent } from '../../../functions/sheets/write-back/config-tabs-tracking';
import type { ConfigTabsRecord } from '../../../functions/storage/config-tabs-store';
import { ConfigTabsStaleError } from '../../../functions/use-cases/config-tabs-stale-error';

const record: ConfigTabsRecord = {
  projectId: 'imagine',
  spreadsheetId: 'sheet-a',
  revision: 'r1',
  writtenBy: 'coordinator@example.org',
  writtenAt: '2026-12-05T05:00:00.000Z',
};

describe('whether the configuration tabs show the stored revision', () => {
  it('only when the backend recorded that revision for this spreadsheet', () => {
    expect(tabsAreCurrent(record, 'r1', 'sheet-a')).toBe(true);
    expect(tabsAreCurrent(record, 'r2', 'sheet-a')).toBe(false);
    expect(tabsAreCurrent(record, 'r1', 'sheet-b')).toBe(false);
    expect(tabsAreCurrent(null, 'r1', 'sheet-a')).toBe(false);
  });
});

describe('the refusal of stale configuration tabs', () => {
  const stored = { revision: 'r2', updatedBy: 'script@example.org', updatedAt: '2026-12-05T05:10:00.000Z' };

  it('names the stored revision, who stored it and when, the tabs revision and what to do', () => {
    expect(new ConfigTabsStaleError('imagine', 'r1', stored).message).toBe(
      'the configuration changed since these tabs were written: revision r2 by script@example.org at 2026-12-05T05:10:00.000Z (the tabs show revision r1); run Set up reporting sheet to rewrite the tabs from the stored configuration, then make your changes again. Nothing was stored.',
    );
  });

  it('says when the backend has no record of the tabs at all', () => {
    expect(new ConfigTabsStaleError('imagine', null, stored).message).toBe(
      'the backend has no record of which configuration these tabs were written from; the stored one is revision r2 by script@example.org at 2026-12-05T05:10:00.000Z; run Set up reporting sheet to rewrite the tabs from the stored configuration, then make your changes again. Nothing was stored.',
    );
  });
});
