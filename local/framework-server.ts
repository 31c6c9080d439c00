import type { Server } from 'node:http';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { answerFrameworkErrorsAsJson } from '../functions/api/framework-errors';
import { refuseOversizedBodies } from './refuse-oversized-bodies';

/**
 * The Functions Framework's own server (Express, its body parsing) for a registered function, as
 * npm start and the tests run it: oversized bodies refused before the framework reads them, and the
 * framework's own failures answered as our JSON errors.
 */
export function localFrameworkServer(functionName: string): Server {
  return refuseOversizedBodies(answerFrameworkErrorsAsJson(getTestServer(functionName)));
}
