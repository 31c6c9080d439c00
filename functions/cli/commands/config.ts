import { UsageError } from '../cli-errors';
import type { Command } from '../command';
import { stringOption } from '../common-options';
import { exportConfigWorkbook } from '../config-workbook-export';
import { importConfigWorkbook } from '../config-workbook-import';

/**
 * The configuration's two faces: the JSON the API and automation take, and the configuration tabs a
 * coordinator edits ("Create project..." in the sheet, or a workbook in any spreadsheet program).
 */
export const configCommand: Command = {
  name: 'config',
  summary: 'A project configuration as a workbook (.xlsx) of configuration tabs, and back to JSON',
  usage: `va-assess config (--example NAME | --config FILE) --out FILE.xlsx
va-assess config --workbook FILE.xlsx [--out FILE.json]

The first form writes the configuration as the tabs "Create project..." puts in the spreadsheet:
Project, Budgets, Budget groups, Installations and Metric definitions, each with a header row
explaining its columns and dropdowns for the closed sets. Start a new project from the example or
from last year's configuration and edit it in a spreadsheet program.

The second form reads those tabs back, validates them with the API's own schema and prints the
configuration as JSON, or writes it to --out. Every problem is listed at once with its tab and
cell, e.g. "Installations!B4: ...", and nothing is written while any is left.

Options:
  --example NAME         a bundled example, e.g. imagine-py1
  --config FILE          a project configuration (JSON)
  --workbook FILE.xlsx   a workbook of configuration tabs to read
  --out FILE             the workbook to write (.xlsx), or the configuration to write (.json)
  -h, --help             this help`,
  options: {
    example: { type: 'string' },
    config: { type: 'string' },
    workbook: { type: 'string' },
    out: { type: 'string' },
  },
  run(options, io) {
    const sources = ['example', 'config', 'workbook'].filter(
      (name) => stringOption(options, name) !== undefined,
    );
    if (sources.length !== 1) {
      throw new UsageError(
        'Say which configuration to read, once: --example NAME or --config FILE (to write a workbook), or --workbook FILE.xlsx (to read one back).',
      );
    }
    if (sources[0] === 'workbook') return importConfigWorkbook(options, io);
    const out = stringOption(options, 'out');
    if (out !== undefined && !out.toLowerCase().endsWith('.xlsx')) {
      throw new UsageError(`--out must name a workbook ending in .xlsx; found "${out}".`);
    }
    return exportConfigWorkbook(options, io);
  },
};
