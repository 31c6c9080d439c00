import { resolve } from 'node:path';
import { configToGrids } from '../../domain/config/tables/config-to-grids';
import { EXIT_OK, UsageError } from '../cli-errors';
import type { Command } from '../command';
import { requiredStringOption, stringOption } from '../common-options';
import { writeConfigWorkbook } from '../config-workbook';
import { loadConfig, resolveProjectFiles } from '../project-files';

export const configExportCommand: Command = {
  name: 'config-export',
  summary: 'Write a project configuration as a workbook (.xlsx) of configuration tabs',
  usage: `va-assess config-export (--example NAME | --config FILE) --out FILE.xlsx

Writes the configuration as the tabs "Create project..." puts in the spreadsheet: Project, Budgets,
Budget groups, Installations and Metric definitions, each with a header row explaining its
columns and dropdowns for the closed sets. Start a new project from the example or from last
year's configuration, edit it in a spreadsheet program, and read it back with config-import.

Options:
  --example NAME         a bundled example, e.g. imagine-py1
  --config FILE          a project configuration (JSON)
  --out FILE.xlsx        the workbook to write
  -h, --help             this help`,
  options: { example: { type: 'string' }, config: { type: 'string' }, out: { type: 'string' } },
  async run(options, io) {
    const example = stringOption(options, 'example');
    const configFile = stringOption(options, 'config');
    if ((example === undefined) === (configFile === undefined)) {
      throw new UsageError('Say which configuration to export: --example NAME or --config FILE.');
    }
    const configPath =
      example === undefined ? resolve(configFile as string) : resolveProjectFiles({ example }).configPath;
    const out = resolve(
      requiredStringOption(options, 'out', 'the workbook to write, e.g. --out project.xlsx'),
    );
    const { $schema: _schema, ...config } = loadConfig(configPath);
    await writeConfigWorkbook(configToGrids(config), out);
    io.out(`Wrote ${out}: ${config.installations.length} installation(s) of project "${config.project.id}".`);
    return EXIT_OK;
  },
};
