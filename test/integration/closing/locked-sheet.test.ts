import { apiPaths } from '../../../functions/contract/contract';
import { ANCHOR_KEYS } from '../../../functions/sheets/layout/anchors';
import { columnsByAnchor, rowsByAnchor } from '../../../functions/sheets/layout/sheet-snapshot';
import { LOCAL_SERVICE_ACCOUNT_EMAIL, localSheetsClient } from '../../../local/sheets-api';
import { COORDINATOR, EXAMPLE, IFCA } from '../api/api-test-server';
import { proveAndBind, useSheetsStack } from '../sheets/sheets-test-stack';

const PARTNERS = [...new Set(EXAMPLE.config.installations.flatMap((installation) => installation.editors))];

describe("a locked period's column in the sheet", () => {
  const stack = useSheetsStack();

  it('is protected to the coordinators once the period is locked, and open again once reopened', async () => {
    await stack.api.seedExample();
    const id = stack.sheetsApi.createSpreadsheet({
      title: 'iMagine VA metrics',
      owner: COORDINATOR,
      sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL, ...PARTNERS],
    });
    const client = localSheetsClient(stack.sheetsApi.rootUrl, COORDINATOR);
    expect((await proveAndBind(stack.api, client, id, COORDINATOR)).status).toBe(200);
    expect((await stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR })).status).toBe(
      200,
    );

    const tab = await stack.tab(id, 'metrics');
    const periods = columnsByAnchor(tab, ANCHOR_KEYS.periodColumn);
    const row = rowsByAnchor(tab, ANCHOR_KEYS.entryRow).get('ifca-cpu/cpu-hours') ?? -1;
    const canEdit = (email: string, periodId: string) =>
      stack.sheetsApi.model.get(id).canEdit(email, tab.sheetId, row, periods.get(periodId) ?? -1);
    expect(row).toBeGreaterThan(0);
    expect([canEdit(IFCA, 'P2'), canEdit(IFCA, 'P3')]).toEqual([true, true]);

    const locked = await stack.api.call('POST', apiPaths.lockPeriod('imagine', 'PY1'), {
      as: COORDINATOR,
      body: { deliverable: 'D4.2, submitted 2023-10-30' },
    });
    expect(locked.status).toBe(200);
    expect(locked.body.sheet).toBe("The Metrics tab's protection now follows the locks.");
    expect([canEdit(IFCA, 'P1'), canEdit(IFCA, 'P2'), canEdit(IFCA, 'P3')]).toEqual([false, false, true]);
    expect(canEdit(COORDINATOR, 'P2')).toBe(true);
    const protectedTab = await stack.tab(id, 'metrics');
    expect(
      protectedTab.protectedRanges
        .filter((range) => (range.description ?? '').startsWith('va-assess:locked:'))
        .map((range) => [range.description, range.range?.startColumnIndex, range.editors?.users]),
    ).toEqual([
      ['va-assess:locked:P1', periods.get('P1'), [COORDINATOR, LOCAL_SERVICE_ACCOUNT_EMAIL].sort()],
      ['va-assess:locked:P2', periods.get('P2'), [COORDINATOR, LOCAL_SERVICE_ACCOUNT_EMAIL].sort()],
    ]);

    const reopened = await stack.api.call('POST', apiPaths.reopenPeriod('imagine', 'PY1'), {
      as: COORDINATOR,
      body: { reason: 'The EC asked for a corrected D4.2' },
    });
    expect(reopened.status).toBe(200);
    expect(canEdit(IFCA, 'P2')).toBe(true);
  }, 300_000);
});
