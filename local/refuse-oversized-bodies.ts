import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { sendError } from '../functions/api/framework-errors';
import { declaredBodyBytes, payloadTooLarge } from '../functions/api/request-body';
import { MAX_BODY_BYTES } from '../functions/contract/contract';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * After a refusal the rest of the body is read and dropped for at most this long, then the connection
 * is closed. Closing at once would reset it while the client still sends, and a client may then lose
 * the 413 it was sent; reading on without a bound would let a client keep the server busy forever.
 */
const REFUSED_BODY_LINGER_MS = 2000;

/**
 * Counts the body's bytes as Node's HTTP parser hands them to the request stream, before anything
 * (the framework's body-parser included) buffers them: the parser feeds an IncomingMessage through
 * its push(), so wrapping that one method sees every chunk first, whoever reads the stream and
 * however (events, pipe, async iteration), without changing its flow. Past the limit, `onExceeded`
 * runs once and every later chunk is dropped, the end of the body included, so no reader ever sees
 * a cut body as a whole one; `onDrained` runs when the client has sent its last byte.
 */
function watchBodySize(
  req: IncomingMessage,
  limit: number,
  onExceeded: () => void,
  onDrained: () => void,
): { refuse: () => void } {
  let received = 0;
  let refused = false;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (refused) {
      if (chunk === null) onDrained();
      return true;
    }
    if (chunk !== null && chunk !== undefined) {
      received += (chunk as Buffer).length;
      if (received > limit) {
        refused = true;
        onExceeded();
        return true;
      }
    }
    return push(chunk, encoding);
  };
  return {
    refuse: () => {
      refused = true;
    },
  };
}

/**
 * Refuses request bodies over MAX_BODY_BYTES (413, our JSON error) on a local server (npm start,
 * tests) before the Functions Framework buffers them: it accepts up to 1024 MB and parses the whole
 * body before our function runs. Refused by Content-Length at once (and instead of
 * "100 Continue"), and while streaming when the length is unknown (chunked): at most the limit is
 * ever held. Deployed, Cloud Functions' own request limit applies before our function (docs/deploy.md).
 */
export function refuseOversizedBodies(
  server: Server,
  limit = MAX_BODY_BYTES,
  /** Writes the 413; our API's JSON error unless the server speaks another API's (the Sheets double). */
  answerTooLarge: (res: ServerResponse, size: number | undefined) => void = (res, size) =>
    sendError(res, payloadTooLarge(size)),
): Server {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');

  const handle = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean) => {
    const socket = req.socket;
    let lingering: NodeJS.Timeout | undefined;
    const close = () => {
      clearTimeout(lingering);
      socket.destroy();
    };
    // Closing before the 413 is written out would lose it: every close waits for the answer.
    const onceAnswered = (then: () => void) => {
      if (res.writableFinished) then();
      else res.once('finish', then);
    };
    const answer413 = (size: number | undefined) => {
      if (!res.headersSent) answerTooLarge(res, size);
      onceAnswered(() => {
        lingering = setTimeout(close, REFUSED_BODY_LINGER_MS);
        lingering.unref();
      });
    };
    const watch = watchBodySize(
      req,
      limit,
      () => answer413(undefined),
      () => onceAnswered(close),
    );
    const declared = declaredBodyBytes(req.headers as Record<string, string | undefined>);
    if (declared !== undefined && declared > limit) {
      watch.refuse();
      // A client waiting for "100 Continue" sends nothing more: Node closes the connection once answered.
      if (expectsContinue) res.setHeader('connection', 'close');
      answer413(declared);
      // Nothing reads this request: its bytes flow (and are dropped) until the client stops or the linger ends.
      req.resume();
      return;
    }
    if (expectsContinue) res.writeContinue();
    for (const listener of listeners) listener.call(server, req, res);
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => handle(req, res, false));
  // Node would answer "Expect: 100-continue" (curl sends it for large bodies) by itself; handling it
  // here answers 413 instead, and the client never sends the body.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => handle(req, res, true));
  return server;
}
