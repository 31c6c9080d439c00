import { apiPaths } from '../../functions/contract/contract';
import { THREE_SITE_COORDINATOR } from '../fixtures/three-site-config';
import { useAddonSandboxStack } from './support/addon-sandbox-stack';

/**
 * The configuration tabs and the JSON API are two faces of one configuration: after a script PUTs a
 * newer revision, Apply configuration in the add-on says so and what to do, and stores nothing; Set
 * up reporting sheet then shows the stored configuration in the tabs.
 */
jest.setTimeout(240_000);

const COORDINATOR = THREE_SITE_COORDINATOR;
const PROJECT = 'north-sea';

describe('Apply configuration after a script changed the configuration', () => {
  const addon = useAddonSandboxStack({ env: { PROJECT_CREATORS: COORDINATOR } });
  const { stack, box, lastAlert } = addon;
  const projectTitleCell = () => {
    const found = stack.sheetsApi.model.get(addon.spreadsheetId).findSheetByTitle('Project');
    if (found === undefined) throw new Error('no tab "Project"');
    return found.getValue(3, 1);
  };
  const storedConfig = async () =>
    (await stack.api.call('GET', apiPaths.config(PROJECT), { as: COORDINATOR })).body as {
      config: { project: Record<string, unknown> } & Record<string, unknown>;
      revision: string;
    };

  it('refuses with the stored revision and the next step, then Set up rewrites the tabs from the stored configuration', async () => {
    await addon.opensEmptySheet(COORDINATOR, []);
    box().answerNextPrompt('OK', PROJECT);
    await box().run(COORDINATOR, 'menuCreateProject');
    expect(lastAlert()).toContain(`Project "${PROJECT}" is created`);
    const created = await storedConfig();
    const put = await stack.api.call('PUT', apiPaths.config(PROJECT), {
      as: COORDINATOR,
      body: {
        config: { ...created.config, project: { ...created.config.project, title: 'Set by a script' } },
        revision: created.revision,
      },
    });
    expect(put.status).toBe(200);
    const afterPut = await storedConfig();
    expect(projectTitleCell()).not.toEqual({ stringValue: 'Set by a script' });

    await box().run(COORDINATOR, 'menuApplyConfiguration');
    expect(lastAlert()).toContain(
      `The configuration was not applied: the configuration changed since these tabs were written: revision ${afterPut.revision} by ${COORDINATOR} at `,
    );
    expect(lastAlert()).toContain(`(the tabs show revision ${created.revision})`);
    expect(lastAlert()).toContain(
      'run Set up reporting sheet to rewrite the tabs from the stored configuration, then make your changes again. Nothing was stored.',
    );
    expect(await storedConfig()).toEqual(afterPut);

    await box().run(COORDINATOR, 'menuSetUpSheet');
    expect(lastAlert()).toContain(
      `The configuration tabs were written from another configuration than the stored one (revision ${afterPut.revision}): they show the stored configuration again`,
    );
    expect(projectTitleCell()).toEqual({ stringValue: 'Set by a script' });
  });
});
