import { apiPaths } from '../../../functions/contract/contract';
import { LOCAL_SERVICE_ACCOUNT_EMAIL } from '../../../local/sheets-api';
import { exampleConfigBody } from '../../fixtures/example-config';
import { COORDINATOR } from '../api/api-test-server';
import { proveAndBind, useSheetsStack, writeChallenge } from './sheets-test-stack';

/** A second project with the same coordinator: the person most likely to reuse a spreadsheet by mistake. */
const SECOND = 'second-project';

describe('one spreadsheet, one project (issue 18)', () => {
  const stack = useSheetsStack();

  async function createSecondProject() {
    const second = exampleConfigBody();
    second.project.id = SECOND;
    second.project.title = 'A second project';
    const put = await stack.api.call('PUT', apiPaths.config(SECOND), { as: COORDINATOR, body: second });
    expect(put.status).toBe(201);
  }

  const newSpreadsheet = () =>
    stack.sheetsApi.createSpreadsheet({
      title: 'Consortium metrics',
      owner: COORDINATOR,
      sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL],
    });

  it('refuses a spreadsheet bound to a project that has not set up yet: no challenge, no bind, no setup, nothing written', async () => {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    await createSecondProject();
    const before = await stack.readAll(id);

    const challenge = await stack.api.call('POST', apiPaths.sheetChallenge(SECOND), {
      as: COORDINATOR,
      body: { spreadsheetId: id },
    });
    const bind = await stack.api.call('PUT', apiPaths.sheet(SECOND), {
      as: COORDINATOR,
      body: { spreadsheetId: id },
    });
    const setUp = await stack.api.call('POST', apiPaths.sheetSetup(SECOND), { as: COORDINATOR });

    for (const refused of [challenge, bind]) {
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({
        code: 'sheet-of-another-project',
        message: `The spreadsheet ${id} belongs to project "imagine", and a spreadsheet holds one project: bind a new spreadsheet to "${SECOND}", or ask that project's coordinators`,
      });
    }
    expect(setUp.status).toBe(409);
    expect(setUp.body.code).toBe('sheet-not-bound');
    expect(await stack.readAll(id)).toEqual(before);
    expect(
      (await stack.api.call('GET', apiPaths.sheet(SECOND), { as: COORDINATOR })).body.spreadsheetId,
    ).toBeNull();
  });

  it('keeps a project on its own spreadsheet when it tries to move to one another project holds', async () => {
    await stack.api.seedExample();
    const imagineSheet = await stack.bindNewSpreadsheet();
    await createSecondProject();
    const ownSheet = newSpreadsheet();
    expect((await proveAndBind(stack.api, stack.asCoordinator(), ownSheet, COORDINATOR, SECOND)).status).toBe(
      200,
    );
    expect((await stack.api.call('POST', apiPaths.sheetSetup(SECOND), { as: COORDINATOR })).status).toBe(200);

    const moved = await proveAndBind(stack.api, stack.asCoordinator(), imagineSheet, COORDINATOR, SECOND);

    expect(moved.status).toBe(409);
    expect(moved.body.message).toContain('belongs to project "imagine"');
    const binding = await stack.api.call('GET', apiPaths.sheet(SECOND), { as: COORDINATOR });
    expect(binding.body.spreadsheetId).toBe(ownSheet);
  });

  it('lets exactly one of two projects proving the same new spreadsheet at once bind it', async () => {
    await stack.api.seedExample();
    await createSecondProject();
    const id = newSpreadsheet();
    const client = stack.asCoordinator();
    // Both challenges are answered before either binds: the owner check before binding passes for both.
    for (const projectId of ['imagine', SECOND]) {
      const challenge = await stack.api.call('POST', apiPaths.sheetChallenge(projectId), {
        as: COORDINATOR,
        body: { spreadsheetId: id },
      });
      expect(challenge.status).toBe(200);
      await writeChallenge(client, id, challenge.body);
    }

    const binds = await Promise.all(
      ['imagine', SECOND].map((projectId) =>
        stack.api.call('PUT', apiPaths.sheet(projectId), { as: COORDINATOR, body: { spreadsheetId: id } }),
      ),
    );

    expect(binds.map((bind) => bind.status).sort()).toEqual([200, 409]);
    const winner = binds[0]?.status === 200 ? 'imagine' : SECOND;
    expect(binds.find((bind) => bind.status === 409)?.body.message).toContain(
      `belongs to project "${winner}"`,
    );
  });
});
