import {
  SheetNotSharedError,
  SheetsApiDisabledError,
  SheetsCredentialsRejectedError,
  SheetsUnavailableError,
} from '../../../functions/sheets/client/sheets-errors';
import { type RetryClock, withSheetsRetry } from '../../../functions/sheets/client/sheets-retry';

/** A clock that moves only when the retry loop sleeps, so no test waits. */
function fakeClock(): RetryClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    random: () => 1,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

const googleError = (status: number, retryAfter?: string) =>
  Object.assign(new Error(`HTTP ${status}`), {
    response: {
      status,
      headers: new Headers(retryAfter === undefined ? {} : { 'retry-after': retryAfter }),
      data: { error: { message: 'busy' } },
    },
  });

const context = async () => ({
  spreadsheetId: 'sheet-1',
  projectId: 'imagine',
  serviceAccountEmail: 'sa@x.iam.example',
});
const settings = { budgetMs: 10_000, firstDelayMs: 100, maxDelayMs: 1_000 };

function failing(errors: Error[]): () => Promise<string> {
  return async () => {
    const error = errors.shift();
    if (error !== undefined) throw error;
    return 'written';
  };
}

describe('withSheetsRetry', () => {
  it('backs off exponentially on 429 and honours Retry-After', async () => {
    const clock = fakeClock();
    const result = await withSheetsRetry(
      failing([googleError(429), googleError(503), googleError(429, '3')]),
      settings,
      context,
      clock,
    );
    expect(result).toBe('written');
    expect(clock.slept).toEqual([100, 200, 3000]);
  });

  it('gives up with a retryable error once the next wait would pass the budget', async () => {
    const clock = fakeClock();
    const always = async () => {
      throw googleError(500);
    };
    await expect(
      withSheetsRetry(always, { ...settings, budgetMs: 1_000 }, context, clock),
    ).rejects.toBeInstanceOf(SheetsUnavailableError);
    expect(clock.slept.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(1_000);
  });

  it('does not retry a 403 and says whom to share the sheet with', async () => {
    const clock = fakeClock();
    const error = await withSheetsRetry(failing([googleError(403)]), settings, context, clock).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SheetNotSharedError);
    expect((error as Error).message).toContain(
      'Share the spreadsheet sheet-1 with sa@x.iam.example as editor',
    );
    expect(clock.slept).toEqual([]);
  });
});

describe("Google's refusals", () => {
  const refused = (status: number, data: unknown) =>
    Object.assign(new Error(`HTTP ${status}`), { response: { status, headers: new Headers(), data } });

  it('a revoked or deleted key (the token endpoint answers invalid_grant) says to replace the key, not to share', async () => {
    const error = await withSheetsRetry(
      failing([refused(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' })]),
      settings,
      context,
      fakeClock(),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SheetsCredentialsRejectedError);
    expect((error as Error).message).toContain('invalid_grant: Invalid JWT Signature.');
    expect((error as Error).message).toContain('sa@x.iam.example');
  });

  it('SERVICE_DISABLED with an activationUrl links to it', async () => {
    const error = await withSheetsRetry(
      failing([
        refused(403, {
          error: {
            code: 403,
            status: 'PERMISSION_DENIED',
            message: 'Google Sheets API has not been used in project 42 before or it is disabled.',
            details: [
              {
                '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
                reason: 'SERVICE_DISABLED',
                domain: 'googleapis.com',
                metadata: {
                  consumer: 'projects/42',
                  service: 'sheets.googleapis.com',
                  activationUrl:
                    'https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=42',
                },
              },
            ],
          },
        }),
      ]),
      settings,
      context,
      fakeClock(),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SheetsApiDisabledError);
    expect((error as Error).message).toContain(
      'enable it at https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=42',
    );
  });
});

describe('withSheetsRetry after an unknown outcome', () => {
  const lost = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  const invalid = () =>
    Object.assign(new Error('HTTP 400'), {
      response: { status: 400, headers: new Headers(), data: { error: { message: 'already exists' } } },
    });

  it('asks whether the write went through before sending it again, and does not resend when it did', async () => {
    let calls = 0;
    const call = async () => {
      calls += 1;
      throw lost();
    };
    const result = await withSheetsRetry(call, settings, context, fakeClock(), {
      settled: async () => 'applied',
    });
    expect(result).toBe('applied');
    expect(calls).toBe(1);
  });

  it('takes a refusal of the resent write as success when the first one turns out applied', async () => {
    const answers = [false, true];
    const result = await withSheetsRetry(failing([lost(), invalid()]), settings, context, fakeClock(), {
      settled: async () => ((answers.shift() ?? false) ? 'applied' : undefined),
    });
    expect(result).toBe('applied');
  });

  it('does not ask after a 429, which Google refuses before doing anything', async () => {
    let asked = 0;
    const result = await withSheetsRetry(failing([googleError(429)]), settings, context, fakeClock(), {
      settled: async () => {
        asked += 1;
        return 'applied';
      },
    });
    expect(result).toBe('written');
    expect(asked).toBe(0);
  });
});

describe('a request cut by its timeout', () => {
  it('is an unknown outcome: retried, after asking whether it was applied', async () => {
    const timedOut = Object.assign(new Error('Unexpected Gaxios Error'), { code: 'TimeoutError' });
    let asked = 0;
    const result = await withSheetsRetry(failing([timedOut]), settings, context, fakeClock(), {
      settled: async () => {
        asked += 1;
        return undefined;
      },
    });
    expect(result).toBe('written');
    expect(asked).toBe(1);
  });
});

describe('giving up after an unknown outcome', () => {
  const lost = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  const always = async (): Promise<string> => {
    throw lost();
  };

  it('says nothing was written when the marker check says so', async () => {
    const error = await withSheetsRetry(always, { ...settings, budgetMs: 500 }, context, fakeClock(), {
      settled: async () => undefined,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SheetsUnavailableError);
    expect((error as Error).message).toContain('nothing was written to the spreadsheet');
  });

  it('does not claim nothing was written when the check itself failed', async () => {
    const error = await withSheetsRetry(always, { ...settings, budgetMs: 500 }, context, fakeClock(), {
      settled: async () => {
        throw lost();
      },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SheetsUnavailableError);
    expect((error as Error).message).not.toContain('nothing was written');
    expect((error as Error).message).toContain('could not be checked');
  });
});

describe('a connection reset as gaxios reports it', () => {
  it('is retried: the network code sits two causes deep', async () => {
    const socket = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    const fetchFailed = new TypeError('fetch failed', { cause: socket });
    const reset = new Error('Unexpected Gaxios Error', { cause: fetchFailed });
    const result = await withSheetsRetry(failing([reset]), settings, context, fakeClock());
    expect(result).toBe('written');
  });
});
