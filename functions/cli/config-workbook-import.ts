import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_TAB_TITLES } from '../domain/config/tables/config-columns';
import { a1Of } from '../domain/config/tables/config-problems';
import { gridsToConfig } from '../domain/config/tables/grids-to-config';
import { InvalidConfigError } from '../domain/errors';
import { EXIT_OK } from './cli-errors';
import type { CliIo, OptionValues } from './command';
import { requiredStringOption, stringOption } from './common-options';
import { readConfigWorkbook } from './config-workbook';

/** `va-assess config --workbook FILE.xlsx`: the configuration tabs read back as a configuration (JSON). */
export async function importConfigWorkbook(options: OptionValues, io: CliIo): Promise<number> {
  const path = resolve(
    requiredStringOption(options, 'workbook', 'the workbook to read, e.g. --workbook project.xlsx'),
  );
  const reading = gridsToConfig(await readConfigWorkbook(path));
  if (!reading.ok) {
    throw new InvalidConfigError(
      reading.problems.map(
        (problem) => `${CONFIG_TAB_TITLES[problem.tab]}!${a1Of(problem)}: ${problem.message}`,
      ),
    );
  }
  const json = `${JSON.stringify(reading.config, null, 2)}\n`;
  const out = stringOption(options, 'out');
  if (out === undefined) io.out(json.trimEnd());
  else {
    writeFileSync(resolve(out), json);
    io.out(`Wrote ${resolve(out)}: project "${reading.config.project.id}".`);
  }
  return EXIT_OK;
}
