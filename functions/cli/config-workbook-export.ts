import { resolve } from 'node:path';
import { unitChoices } from '../domain/config/tables/config-dropdowns';
import { configToGrids } from '../domain/config/tables/config-to-grids';
import { EXIT_OK, UsageError } from './cli-errors';
import type { CliIo, OptionValues } from './command';
import { requiredStringOption, stringOption } from './common-options';
import { writeConfigWorkbook } from './config-workbook';
import { loadConfig, resolveProjectFiles } from './project-files';

/** `va-assess config` from --example or --config: the configuration as a workbook of configuration tabs. */
export async function exportConfigWorkbook(options: OptionValues, io: CliIo): Promise<number> {
  const example = stringOption(options, 'example');
  const configFile = stringOption(options, 'config');
  if ((example === undefined) === (configFile === undefined)) {
    throw new UsageError('Say which configuration to export: --example NAME or --config FILE.');
  }
  const configPath =
    example === undefined ? resolve(configFile as string) : resolveProjectFiles({ example }).configPath;
  const out = resolve(requiredStringOption(options, 'out', 'the workbook to write, e.g. --out project.xlsx'));
  const { $schema: _schema, ...config } = loadConfig(configPath);
  await writeConfigWorkbook(configToGrids(config), out, unitChoices(config));
  io.out(`Wrote ${out}: ${config.installations.length} installation(s) of project "${config.project.id}".`);
  return EXIT_OK;
}
