import type { Server } from 'node:http';
import { MalformedBodyError } from './api-errors';
import { errorResponse } from './http-errors';

type ExpressApp = (req: unknown, res: unknown, next: (error?: unknown) => void) => void;

interface ResponseLike {
  headersSent: boolean;
  statusCode: number;
  setHeader(name: string, value: string): void;
  end(body: string): void;
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
  server.on('request', (req, res: ResponseLike) => {
    app(req, res, (error?: unknown) => {
      if (res.headersSent) return;
      const failure = error as { type?: string; status?: number; message?: string } | undefined;
      const mapped =
        failure?.type === 'entity.parse.failed'
          ? errorResponse(new MalformedBodyError(`The request body is not valid JSON (${failure.message})`))
          : failure?.status !== undefined && failure.status >= 400 && failure.status < 500
            ? errorResponse(new MalformedBodyError(`The request body could not be read (${failure.message})`))
            : errorResponse(error ?? new Error('request fell through the framework'));
      res.statusCode = mapped.status;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      for (const [name, value] of Object.entries(mapped.headers ?? {})) res.setHeader(name, value);
      res.end(JSON.stringify(mapped.body));
    });
  });
  return server;
}
