import type { EntriesRequest } from '../../../functions/contract/contract';
import type { AddonSandboxStack } from './addon-sandbox-stack';

/** The POST /entries bodies the add-on sent, as the API's contract types them. */
export const sentBodies = (posts: ReturnType<AddonSandboxStack['entriesPosts']>): EntriesRequest[] =>
  posts.map((post) => JSON.parse(post.body ?? '{}') as EntriesRequest);

/** The cells of each POST /entries the add-on sent, one list per request, in the order sent. */
export const sentCells = (posts: ReturnType<AddonSandboxStack['entriesPosts']>) =>
  sentBodies(posts).map((body) => body.cells);

/** The raw value the backend holds for one cell (undefined: nothing stored), read as the coordinator. */
export const storedRawIn =
  (addon: Pick<AddonSandboxStack, 'current'>) =>
  async (periodId: string, installationId: string, metricId: string): Promise<unknown> =>
    (await addon.current(periodId)).find(
      (entry) => entry.installationId === installationId && entry.metricId === metricId,
    )?.raw;
