import type { Env } from '../../commons/env';
import { SheetsGateway, type SheetsGatewaySettings } from './sheets-gateway';
import { DEFAULT_RETRY } from './sheets-retry';

export function sheetsSettingsFromEnv(env: Env): SheetsGatewaySettings {
  return {
    ...(env.SHEETS_API_ROOT_URL === undefined ? {} : { rootUrl: env.SHEETS_API_ROOT_URL }),
    ...(env.SHEETS_SERVICE_ACCOUNT_KEY === undefined
      ? {}
      : { serviceAccountKey: env.SHEETS_SERVICE_ACCOUNT_KEY }),
    ...(env.SHEETS_SERVICE_ACCOUNT_EMAIL === undefined
      ? {}
      : { serviceAccountEmail: env.SHEETS_SERVICE_ACCOUNT_EMAIL }),
    retry: { ...DEFAULT_RETRY, budgetMs: env.SHEETS_RETRY_BUDGET_MS },
  };
}

/** Built on first use: a route that never touches a spreadsheet never needs Google credentials. */
export function lazySheetsGateway(settings: () => SheetsGatewaySettings): () => SheetsGateway {
  let gateway: SheetsGateway | undefined;
  return () => {
    gateway ??= new SheetsGateway(settings());
    return gateway;
  };
}
