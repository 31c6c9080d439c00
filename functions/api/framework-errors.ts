import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { MalformedBodyError } from './api-errors';
import { decodePathSegments } from './decode-path';
import { errorResponse } from './http-errors';
import { parseJsonObjectText } from './request-body';
import { withJsonHeaders, writeResponse } from './write-response';

type ExpressApp = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** Answers with our {code, message} for an error, on a server we run ourselves (outside the routes). */
export function sendError(res: ServerResponse, error: unknown): void {
  writeResponse(res, withJsonHeaders(errorResponse(error)));
}

interface FrameworkFailure {
  type?: string;
  status?: number;
  message?: string;
  /** body-parser keeps the text it could not parse. */
  body?: unknown;
}

/** The error our own parsing would have raised for what the framework refused first. */
function causeOf(error: unknown, req: IncomingMessage): unknown {
  // Express decodes path parameters itself and fails with a URIError before our router sees the path.
  if (error instanceof URIError) {
    try {
      decodePathSegments(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch (named) {
      return named;
    }
  }
  const failure = error as FrameworkFailure | undefined;
  if (failure?.type === 'entity.parse.failed') {
    // body-parser's strict mode refuses 42, "x" and null as if they were not JSON; ours says what they are.
    if (typeof failure.body === 'string') {
      try {
        parseJsonObjectText(failure.body);
      } catch (named) {
        return named;
      }
    }
    return new MalformedBodyError(`The request body is not valid JSON (${failure.message})`);
  }
  if (failure?.status !== undefined && failure.status >= 400 && failure.status < 500) {
    return new MalformedBodyError(`The request body could not be read (${failure.message})`);
  }
  return error ?? new Error('request fell through the framework');
}

/**
 * The Functions Framework parses JSON bodies before our function runs and answers a parse failure with
 * Express's own HTML page (functions-framework-nodejs issue #686). On a server we start ourselves
 * (npm start, tests) this hands such failures to our error mapping instead, so malformed JSON is a
 * 400 {code, message} like every other error. Deployed Cloud Functions still answer 400, as HTML.
 */
export function answerFrameworkErrorsAsJson(server: Server): Server {
  const [app] = server.listeners('request') as ExpressApp[];
  if (app === undefined) return server;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    app(req, res, (error?: unknown) => {
      if (res.headersSent) return;
      sendError(res, causeOf(error, req));
    });
  });
  return server;
}
