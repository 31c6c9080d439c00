import { routePatterns } from '../../contract/api-paths';
import type { PublicRoute } from '../route';
import { ok } from '../route';

/** Liveness only: answers without touching storage, so it stays up while the database is down. */
export const healthRoute: PublicRoute = {
  method: 'GET',
  pattern: routePatterns.health,
  public: true,
  handle: async () => ok({ status: 'ok' }),
};
