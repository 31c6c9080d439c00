import { apiPaths } from '../../../functions/contract/contract';
import { ANCHOR_KEYS } from '../../../functions/sheets/layout/anchors';
import { LOCAL_SERVICE_ACCOUNT_EMAIL, localSheetsClient } from '../../../local/sheets-api';
import { exampleConfigBody } from '../../fixtures/example-config';
import { COORDINATOR, IFCA, NOW } from '../api/api-test-server';
import { proveAndBind, useSheetsStack, writeChallenge } from './sheets-test-stack';

describe('binding a spreadsheet and who may write to it', () => {
  const stack = useSheetsStack();

  it('tells members which spreadsheet is bound and the service account to share it with', async () => {
    await stack.api.seedExample();
    const unbound = await stack.api.call('GET', apiPaths.sheet('imagine'), { as: IFCA });
    expect(unbound.status).toBe(200);
    expect(unbound.body).toEqual({
      projectId: 'imagine',
      spreadsheetId: null,
      serviceAccountEmail: LOCAL_SERVICE_ACCOUNT_EMAIL,
      boundBy: null,
      boundAt: null,
    });
    const id = await stack.bindNewSpreadsheet();
    const bound = await stack.api.call('GET', apiPaths.sheet('imagine'), { as: IFCA });
    // Dated by the API's clock (the tests' NOW), like every other record of the request.
    expect(bound.body).toMatchObject({
      spreadsheetId: id,
      boundBy: COORDINATOR,
      boundAt: NOW.toJSDate().toISOString(),
    });
  });

  it('accepts the spreadsheet URL and refuses what is not an id, naming the field', async () => {
    await stack.api.seedExample();
    const id = 'a'.repeat(44);
    const url = await stack.api.call('POST', apiPaths.sheetChallenge('imagine'), {
      as: COORDINATOR,
      body: { spreadsheetId: `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0` },
    });
    expect(url.body.spreadsheetId).toBe(id);
    const bad = await stack.api.call('PUT', apiPaths.sheet('imagine'), {
      as: COORDINATOR,
      body: { spreadsheetId: 'my sheet' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('spreadsheetId: found "my sheet"');
  });

  it('refuses to bind a spreadsheet the caller did not prove to edit, and writes nothing there', async () => {
    await stack.api.seedExample();
    const victim = 'victim@imagine.example.org';
    const id = stack.sheetsApi.createSpreadsheet({
      title: "Someone else's metrics",
      owner: victim,
      sharedWith: [LOCAL_SERVICE_ACCOUNT_EMAIL],
    });
    const asVictim = localSheetsClient(stack.sheetsApi.rootUrl, victim);
    const readAsVictim = async () =>
      (await asVictim.spreadsheets.get({ spreadsheetId: id, includeGridData: true })).data;
    const before = await readAsVictim();

    // The coordinator knows the id (it is in the URL) and asks for a challenge, but cannot write it there.
    const challenge = await stack.api.call('POST', apiPaths.sheetChallenge('imagine'), {
      as: COORDINATOR,
      body: { spreadsheetId: id },
    });
    expect(challenge.status).toBe(200);
    await expect(writeChallenge(stack.asCoordinator(), id, challenge.body)).rejects.toBeDefined();
    const put = await stack.api.call('PUT', apiPaths.sheet('imagine'), {
      as: COORDINATOR,
      body: { spreadsheetId: id },
    });
    const setUp = await stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR });

    expect(put.status).toBe(403);
    expect(put.body.message).toContain('has not shown that they can edit the spreadsheet');
    expect(setUp.body.code).toBe('sheet-not-bound');
    expect(await readAsVictim()).toEqual(before);
  });

  it('binds after the proof, removes the answered challenge, and refuses to reuse it', async () => {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    const metadata = (await stack.readAll(id)).developerMetadata ?? [];
    expect(metadata.filter((item) => item.metadataKey === 'va-assess:binding-challenge')).toEqual([]);

    const again = await stack.api.call('PUT', apiPaths.sheet('imagine'), {
      as: COORDINATOR,
      body: { spreadsheetId: id },
    });
    expect(again.status).toBe(403);
  });

  it('keeps a spreadsheet to one project: another project is refused even by a proven editor', async () => {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    // The imagine coordinator creates a second project and proves they can edit imagine's spreadsheet.
    const other = exampleConfigBody();
    other.project.id = 'evil-1';
    expect(
      (await stack.api.call('PUT', apiPaths.config('evil-1'), { as: COORDINATOR, body: other })).status,
    ).toBe(201);

    const stolen = await proveAndBind(stack.api, stack.asCoordinator(), id, COORDINATOR, 'evil-1');

    // 409 like the API's other sheet states (issue 18; was 403): the challenge itself is refused now.
    expect(stolen.status).toBe(409);
    expect(stolen.body.code).toBe('sheet-of-another-project');
    expect(stolen.body.message).toContain('belongs to project "imagine"');
    expect(
      (await stack.api.call('GET', apiPaths.sheet('evil-1'), { as: COORDINATOR })).body.spreadsheetId,
    ).toBeNull();
    // Rebinding by the project's own coordinator is fine.
    expect((await proveAndBind(stack.api, stack.asCoordinator(), id, COORDINATOR)).status).toBe(200);
  });

  it('refuses partners on every write route, before anything reaches the sheet', async () => {
    await stack.api.seedExample();
    await stack.bindNewSpreadsheet();
    const calls: [string, string][] = [
      ['POST', apiPaths.sheetChallenge('imagine')],
      ['PUT', apiPaths.sheet('imagine')],
      ['POST', apiPaths.sheetSetup('imagine')],
      ['POST', apiPaths.sheetSummary('imagine', 'PY1')],
      ['POST', apiPaths.sheetAssessments('imagine', 'PY1')],
    ];
    for (const [method, path] of calls) {
      const answer = await stack.api.call(method, path, {
        as: IFCA,
        body: { spreadsheetId: 'b'.repeat(44) },
      });
      expect([path, answer.status]).toEqual([path, 403]);
    }
    expect(stack.sheetsApi.requestCounts()).toEqual({});
  });

  it('says what to do when no sheet is bound, it is not shared, or it was deleted', async () => {
    await stack.api.seedExample();
    const unbound = await stack.api.call('POST', apiPaths.sheetSetup('imagine'), { as: COORDINATOR });
    expect(unbound.status).toBe(409);
    expect(unbound.body.code).toBe('sheet-not-bound');
    expect(unbound.body.message).toContain('PUT');

    const unshared = await stack.bindNewSpreadsheet({ shared: false });
    const notShared = await stack.api.call('POST', apiPaths.sheetSummary('imagine', 'PY1'), {
      as: COORDINATOR,
    });
    expect(notShared.status).toBe(409);
    expect(notShared.body.code).toBe('sheet-not-shared');
    expect(notShared.body.message).toContain(
      `Share the spreadsheet ${unshared} with ${LOCAL_SERVICE_ACCOUNT_EMAIL} as editor`,
    );

    stack.sheetsApi.deleteSpreadsheet(unshared);
    const deleted = await stack.api.call('POST', apiPaths.sheetAssessments('imagine', 'PY1'), {
      as: COORDINATOR,
    });
    expect(deleted.status).toBe(409);
    expect(deleted.body.code).toBe('sheet-not-found');
  });

  it('rewrites a window block in place: two summaries of PY1 leave one block', async () => {
    await stack.api.seedExample();
    const id = await stack.bindNewSpreadsheet();
    await stack.api.call('POST', apiPaths.sheetSummary('imagine', 'P1'), { as: COORDINATOR });
    await stack.api.call('POST', apiPaths.sheetSummary('imagine', 'PY1'), { as: COORDINATOR });
    const first = await stack.tab(id, 'summary');
    await stack.api.call('POST', apiPaths.sheetSummary('imagine', 'PY1'), { as: COORDINATOR });
    const second = await stack.tab(id, 'summary');
    const blocks = second.rowAnchors
      .filter((anchor) => anchor.key === ANCHOR_KEYS.windowBlock)
      .map((anchor) => anchor.value);
    expect(blocks).toEqual(['P1', 'PY1']);
    expect(second.cells).toEqual(first.cells);
  });
});
