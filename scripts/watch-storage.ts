import { type DynamoLocal, startDynamoLocal } from '../local/dynamo-local';
import type { OrderedShutdown } from './ordered-shutdown';

const WATCH_INTERVAL_MS = 2000;
/** A JVM busy with a large write (or a machine busy with a test run) can answer late without being down. */
const WATCH_TIMEOUT_MS = 5000;
const MISSES_BEFORE_RESTART = 3;

type Probe = 'answers' | 'refused' | 'missed';

async function probe(endpoint: string): Promise<Probe> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(WATCH_TIMEOUT_MS) });
    return 'answers';
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    return code === 'ECONNREFUSED' ? 'refused' : 'missed';
  }
}

/**
 * Restarts DynamoDB Local when it stops answering: requests answer 503 (retryable) meanwhile, and it
 * comes back on the same port and files so the API recovers by itself. A refused connection (the JVM
 * is gone) restarts it at once; a late or broken answer only after three in a row, so that one slow
 * answer never restarts a store that is working.
 */
export function watchStorage(
  dynamo: { current: DynamoLocal },
  dataDir: string,
  shutdown: OrderedShutdown,
): NodeJS.Timeout {
  // One probe or restart at a time: a probe may outlast the interval.
  let busy = false;
  let misses = 0;
  return setInterval(async () => {
    if (shutdown.stopping || busy) return;
    busy = true;
    const found = await probe(dynamo.current.endpoint);
    misses = found === 'missed' ? misses + 1 : 0;
    if (shutdown.stopping || found === 'answers' || (found === 'missed' && misses < MISSES_BEFORE_RESTART)) {
      busy = false;
      return;
    }
    misses = 0;
    console.error(
      `DynamoDB Local at ${dynamo.current.endpoint} does not answer: requests get 503 until it is back; restarting it...`,
    );
    try {
      await dynamo.current.stop();
      dynamo.current = await startDynamoLocal({ port: dynamo.current.port, path: dataDir });
      console.error('DynamoDB Local is back.');
    } catch (error) {
      console.error(
        `DynamoDB Local could not be restarted yet (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); trying again.`,
      );
    } finally {
      busy = false;
    }
  }, WATCH_INTERVAL_MS);
}
