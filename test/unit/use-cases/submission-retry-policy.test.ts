import { SubmissionRetryPolicy } from '../../../functions/use-cases/submission-retry-policy';

describe('SubmissionRetryPolicy', () => {
  it('starts from the cached configuration and the cells this process saw', () => {
    expect(new SubmissionRetryPolicy().attempt).toEqual({ config: 'cached', readCells: false });
  });

  it('reloads the configuration twice when the read carries another revision, then takes the read', () => {
    const retries = new SubmissionRetryPolicy();
    expect([retries.retry('revision-moved'), retries.retry('revision-moved')]).toEqual([true, true]);
    expect(retries.attempt).toEqual({ config: 'stored', readCells: false });
    expect(retries.retry('revision-moved')).toBe(false);
  });

  it('reads cells refused from memory once from the table, with the cached configuration', () => {
    const retries = new SubmissionRetryPolicy();
    retries.retry('revision-moved');
    retries.retry('revision-moved');
    expect(retries.retry('refused-from-memory')).toBe(true);
    expect(retries.attempt).toEqual({ config: 'cached', readCells: true });
    expect(retries.retry('refused-from-memory')).toBe(false);
    // A new configuration load may see the revision move again.
    expect(retries.retry('revision-moved')).toBe(true);
    expect(retries.attempt).toEqual({ config: 'stored', readCells: true });
  });

  it('validates again with the stored configuration twice after a transaction saw it change, then gives up', () => {
    const retries = new SubmissionRetryPolicy();
    retries.retry('refused-from-memory');
    expect(retries.retry('config-changed')).toBe(true);
    expect(retries.attempt).toEqual({ config: 'stored', readCells: false });
    expect(retries.retry('refused-from-memory')).toBe(true);
    expect(retries.retry('config-changed')).toBe(true);
    expect(retries.retry('config-changed')).toBe(false);
  });
});
