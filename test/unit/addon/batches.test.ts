import { MAX_BODY_BYTES, MAX_CELLS_PER_REQUEST } from '../../../functions/contract/api-paths';
import type { CellSubmission } from '../../../functions/contract/contract';
import { ENTRIES_REQUEST_LIMITS, requestBatches, submissionBytes } from '../../../sheets-addon/core/batches';

const cell = (index: number, raw: string | number = index): CellSubmission => ({
  installationId: 'ifca-cpu',
  metricId: 'cpu-hours',
  periodId: 'P1',
  raw,
  cell: `Metrics!C${index + 1}`,
});

const split = (cells: readonly CellSubmission[]) =>
  requestBatches(cells, ENTRIES_REQUEST_LIMITS, submissionBytes);

describe('a paste split into requests the API accepts', () => {
  it(`splits 1,234 cells into requests of at most ${MAX_CELLS_PER_REQUEST}, every cell once, in order`, () => {
    const cells = Array.from({ length: 1234 }, (_, index) => cell(index));
    const batches = split(cells);
    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 234]);
    expect(batches.flat()).toEqual(cells);
  });

  it('sends a paste of exactly the limit in one request, and one cell more in two', () => {
    expect(split(Array.from({ length: MAX_CELLS_PER_REQUEST }, (_, index) => cell(index)))).toHaveLength(1);
    expect(
      split(Array.from({ length: MAX_CELLS_PER_REQUEST + 1 }, (_, index) => cell(index))).map(
        (batch) => batch.length,
      ),
    ).toEqual([MAX_CELLS_PER_REQUEST, 1]);
  });

  it('splits by size too: 30 cells of 45,000 characters would pass 1 MiB in one request', () => {
    const cells = Array.from({ length: 30 }, (_, index) => cell(index, 'é'.repeat(45_000)));
    const batches = split(cells);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toEqual(cells);
    for (const batch of batches) {
      const body = JSON.stringify({
        requestId: 'outbox-x',
        actingFor: { editor: null, via: 'document-trigger' },
        cells: batch,
      });
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    }
  });

  it('never changes a request already cut when cells are added at the end (resends stay identical)', () => {
    const cells = Array.from({ length: 700 }, (_, index) => cell(index));
    const before = split(cells.slice(0, 620));
    const after = split(cells);
    expect(after[0]).toEqual(before[0]);
    expect(after[1]?.slice(0, before[1]?.length)).toEqual(before[1]);
  });

  it('keeps apart items that must not share a request', () => {
    const batches = requestBatches(
      [1, 2, 3, 4, 5],
      { maxCells: 10, maxBytes: 100 },
      () => 1,
      (batch, item) => (batch[0] ?? 0) % 2 === item % 2,
    );
    expect(batches).toEqual([[1], [2], [3], [4], [5]]);
  });
});
