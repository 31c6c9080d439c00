import { apiPaths } from '../../../functions/contract/api-paths';
import { COORDINATOR, IFCA } from '../api/api-test-server';
import { useSheetsStack } from './sheets-test-stack';

const cell = (metricId: string, raw: unknown) => ({
  installationId: 'ifca-cpu',
  metricId,
  periodId: 'P3',
  raw,
});

/** ifca-cpu's row of the Status tab, as the coordinator reads it. */
async function ifcaRow(stack: ReturnType<typeof useSheetsStack>, spreadsheetId: string): Promise<string> {
  const written = await stack.api.call('POST', apiPaths.sheetStatus('imagine', 'P3'), { as: COORDINATOR });
  expect(written.status).toBe(200);
  const status = await stack.tab(spreadsheetId, 'status');
  const row = status.cells.find((cells) => cells[0] === 'IFCA-CSIC Scientific Cloud – CPU');
  return (row ?? []).join(' | ');
}

describe("the Status tab shows partners' confirmations", () => {
  const stack = useSheetsStack();

  it('says not confirmed, then confirmed by the partner, then stale after a later edit', async () => {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    expect((await stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR })).status).toBe(
      200,
    );
    const enter = (users: number) =>
      stack.api.call('POST', apiPaths.entries('imagine'), {
        as: IFCA,
        body: {
          cells: [
            cell('cpu-hours', '120,000'),
            cell('countries', 'ES, PT'),
            cell('country-count', 2),
            cell('users', users),
          ],
        },
      });
    expect((await enter(18)).status).toBe(200);
    expect(await ifcaRow(stack, id)).toContain('not confirmed');

    const preview = await stack.api.call('GET', apiPaths.confirmationPreview('imagine', 'ifca-cpu', 'P3'), {
      as: IFCA,
    });
    const confirmed = await stack.api.call('POST', apiPaths.confirmations('imagine'), {
      as: IFCA,
      body: { installationId: 'ifca-cpu', period: 'P3', versions: preview.body.versions },
    });
    expect(confirmed.status).toBe(201);
    expect(await ifcaRow(stack, id)).toContain(`confirmed by ${IFCA}`);

    expect((await enter(19)).status).toBe(200);
    expect(await ifcaRow(stack, id)).toMatch(
      /stale \(a value changed since it was confirmed by partner@ifca/,
    );
  });
});
