import { OUTCOME_COLOURS } from '../../functions/sheets/layout/anchors';
import { COORDINATOR, IFCA } from '../integration/api/api-test-server';
import { useAddonSandboxStack, type ValueCellRef } from './support/addon-sandbox-stack';
import { sentCells } from './support/entries-sent';

/**
 * A cell whose latest submission was rejected still shows what was refused: validating the sheet
 * again must show the problem again without sending it again (each send adds a rejected version).
 */
jest.setTimeout(120_000);

describe('validating a sheet that holds rejected values, in the Apps Script sandbox', () => {
  const addon = useAddonSandboxStack();
  const { stack, box, cellOf, paintOf, entriesPosts, history: historyOf } = addon;

  /** Runs a menu item and returns the cells its POSTs carried, as installation/metric/period. */
  const cellsSentBy = async (user: string, menu: string) => {
    const before = entriesPosts().length;
    await box().run(user, menu);
    return sentCells(entriesPosts().slice(before))
      .flat()
      .map((cell) => `${cell.installationId}/${cell.metricId}/${cell.periodId}`);
  };

  /** The ?periods= of every GET .../entries the add-on made since `from` fetches. */
  const entriesReadsSince = (from: number) =>
    box()
      .fetches()
      .slice(from)
      .filter((fetch) => fetch.method === 'GET' && /\/entries\?/.test(fetch.url))
      .map((fetch) => new URL(fetch.url).searchParams.get('periods'));

  const typeRejected = async (cell: ValueCellRef, value: string) => {
    await box().typeAs(IFCA, cell.a1, value);
    const paint = paintOf(cell);
    expect(paint.background).toBe(OUTCOME_COLOURS.rejected);
    return paint;
  };

  it('"Validate whole sheet" twice: one rejected version, the same red note each time, nothing re-sent', async () => {
    await addon.coordinatorSetsUp();
    // Stored ES, then refused "FR, SP": the current value stays ES while the sheet shows "FR, SP".
    const countries = cellOf('ifca-cpu', 'countries', 'P3');
    await box().typeAs(IFCA, countries.a1, 'ES');
    expect(paintOf(countries).background).not.toBe(OUTCOME_COLOURS.rejected);
    const countriesLive = await typeRejected(countries, 'FR, SP');
    expect(countriesLive.note).toMatch(/\bES\b/);
    // Never accepted anything: no current value at all.
    const hours = cellOf('ifca-cpu', 'cpu-hours', 'P3');
    const hoursLive = await typeRejected(hours, 'FR, SP');

    for (const run of [1, 2]) {
      const fetchesBefore = box().fetches().length;
      const sent = await cellsSentBy(COORDINATOR, 'menuValidateWholeSheet');
      // Every period column of the tab in one UrlFetch: the daily quota is shared by the whole document.
      expect(entriesReadsSince(fetchesBefore)).toEqual(['P1,P2,P3']);
      expect({ run, sent: sent.filter((key) => key.startsWith('ifca-cpu/')) }).toEqual({ run, sent: [] });
      expect(paintOf(countries)).toEqual(countriesLive);
      expect(paintOf(hours)).toEqual(hoursLive);
      expect(box().toasts().at(-1)?.message).toContain(
        '2 still hold a value already rejected (not sent again): correct the red cells.',
      );
      expect((await historyOf('ifca-cpu', 'countries', 'P3')).map((item) => [item.raw, item.status])).toEqual(
        [
          ['ES', 'accepted'],
          ['FR, SP', 'rejected'],
        ],
      );
      expect((await historyOf('ifca-cpu', 'cpu-hours', 'P3')).map((item) => [item.raw, item.status])).toEqual(
        [['FR, SP', 'rejected']],
      );
    }
  });

  it('"Validate my rows" by the partner repeats the answer, and still sends a value typed where no trigger saw it', async () => {
    await addon.coordinatorSetsUp();
    const countries = cellOf('ifca-cpu', 'countries', 'P3');
    const live = await typeRejected(countries, 'FR, SP');
    // Corrected through the Sheets API: no trigger fires, so the reconcile must find and send it.
    const users = cellOf('ifca-cpu', 'cpu-hours', 'P2');
    await stack.asCoordinator().spreadsheets.values.update({
      spreadsheetId: addon.spreadsheetId,
      range: users.a1,
      valueInputOption: 'RAW',
      requestBody: { values: [['2500']] },
    });

    const fetchesBefore = box().fetches().length;
    expect(await cellsSentBy(IFCA, 'menuValidateMyRows')).toEqual(['ifca-cpu/cpu-hours/P2']);
    expect(entriesReadsSince(fetchesBefore)).toEqual(['P1,P2,P3']);
    expect(await cellsSentBy(IFCA, 'menuValidateMyRows')).toEqual([]);
    expect(paintOf(countries)).toEqual(live);
    expect(await historyOf('ifca-cpu', 'countries', 'P3')).toHaveLength(1);
  });
});
