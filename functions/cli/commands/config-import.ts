import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_TAB_TITLES } from '../../domain/config/tables/config-columns';
import { a1Of } from '../../domain/config/tables/config-problems';
import { gridsToConfig } from '../../domain/config/tables/grids-to-config';
import { InvalidConfigError } from '../../domain/errors';
import { EXIT_OK } from '../cli-errors';
import type { Command } from '../command';
import { requiredStringOption, stringOption } from '../common-options';
import { readConfigWorkbook } from '../config-workbook';

export const configImportCommand: Command = {
  name: 'config-import',
  summary: 'Read a workbook of configuration tabs back as a project configuration (JSON)',
  usage: `va-assess config-import --workbook FILE.xlsx [--out FILE.json]

Reads the configuration tabs of a workbook (as config-export writes them), validates them with
the API's own schema and prints the configuration as JSON, or writes it to --out. Every problem
is listed at once with its tab and cell, e.g. "Installations!B4: ...".

Options:
  --workbook FILE.xlsx   the workbook to read
  --out FILE.json        where to write the configuration (default: standard output)
  -h, --help             this help`,
  options: { workbook: { type: 'string' }, out: { type: 'string' } },
  async run(options, io) {
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
  },
};
