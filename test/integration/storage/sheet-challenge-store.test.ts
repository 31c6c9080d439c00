import { SheetChallengeStore } from '../../../functions/storage/sheet-challenge-store';
import { useDynamoLocal } from '../support/dynamo-local-harness';

const SPREADSHEET = 's'.repeat(44);
const OTHER_SPREADSHEET = 't'.repeat(44);
const COORDINATOR = 'coordinator@imagine.example.org';

describe('SheetChallengeStore on DynamoDB Local', () => {
  const dynamo = useDynamoLocal();
  let clock = new Date('2026-01-01T10:00:00Z');
  const store = () =>
    new SheetChallengeStore(dynamo.doc, dynamo.tableName, { now: () => clock, ttlSeconds: 600 });

  beforeEach(() => {
    clock = new Date('2026-01-01T10:00:00Z');
  });

  it('accepts the issued value once, for the caller, project and spreadsheet it was issued for', async () => {
    const { nonce, expiresAt } = await store().issue('imagine', COORDINATOR, SPREADSHEET);
    expect(expiresAt).toBe('2026-01-01T10:10:00.000Z');

    expect(await store().consume('imagine', 'partner@ifca.example.org', SPREADSHEET, [nonce])).toBe(false);
    expect(await store().consume('evil-1', COORDINATOR, SPREADSHEET, [nonce])).toBe(false);
    expect(await store().consume('imagine', COORDINATOR, OTHER_SPREADSHEET, [nonce])).toBe(false);
    expect(await store().consume('imagine', COORDINATOR, SPREADSHEET, ['guess', `${nonce}x`])).toBe(false);
    expect(await store().consume('imagine', COORDINATOR, SPREADSHEET, ['stale', nonce])).toBe(true);
    expect(await store().consume('imagine', COORDINATOR, SPREADSHEET, [nonce])).toBe(false);
  });

  it('refuses a value past its expiry, and one a newer challenge replaced', async () => {
    const first = await store().issue('imagine', COORDINATOR, SPREADSHEET);
    const second = await store().issue('imagine', COORDINATOR, SPREADSHEET);
    expect(await store().consume('imagine', COORDINATOR, SPREADSHEET, [first.nonce])).toBe(false);

    clock = new Date('2026-01-01T10:10:01Z');
    expect(await store().consume('imagine', COORDINATOR, SPREADSHEET, [second.nonce])).toBe(false);
  });
});
