import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { portalTable } from '../../domain/portal/portal-rows';
import { summarize } from '../../domain/summary/summarize';
import { PORTAL_FORMATS, type PortalFormat, renderPortalTable } from '../../report/portal/render-portal';
import { EXIT_OK, InputFileError, UsageError } from '../cli-errors';
import type { Command } from '../command';
import { PERIOD_OPTION_HELP, PROJECT_OPTIONS_HELP, stringOption, WINDOW_OPTIONS } from '../common-options';
import { loadWindowInput } from '../load-window-values';

function formatOption(value: string | undefined): PortalFormat {
  const format = (value ?? 'csv').trim().toLowerCase();
  if (!(PORTAL_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `--format "${value}" is not a portal format: expected ${PORTAL_FORMATS.join(' or ')}.`,
    );
  }
  return format as PortalFormat;
}

export const portalCommand: Command = {
  name: 'portal',
  summary: "The EC portal's Installations table for a period or year (CSV or .xlsx)",
  usage: `va-assess portal --period WINDOW (--example NAME | --config FILE --values FILE)
                 [--format csv|xlsx] [--out FILE] [--json]

Writes the Installations table the EC Funding & Tenders portal asks for in continuous reporting:
per installation, the access provider (beneficiary), the infrastructure, the installation, the
access type (Virtual), the quantity of access in the window in its unit, and the users' countries.
The figures are the report's for the same window. docs/ec-portal.md maps each column to the
configuration; a field the configuration lacks is named, with where to add it.

${PERIOD_OPTION_HELP}
  --format FORMAT        csv (default, UTF-8) or xlsx
  --out FILE             where to write it (default: <project>-<window>-ec-portal.<format> here)
  --json                 print the rows as JSON instead of writing a file
${PROJECT_OPTIONS_HELP}`,
  options: { ...WINDOW_OPTIONS, format: { type: 'string' }, out: { type: 'string' } },
  async run(options, io) {
    const format = formatOption(stringOption(options, 'format'));
    const input = loadWindowInput(options, io.now);
    const table = portalTable(input.config, summarize(input.config, input.values, input.window, input.now));
    if (options.json === true) {
      io.out(JSON.stringify(table, null, 2));
      return EXIT_OK;
    }
    const file = await renderPortalTable(table, format);
    const path = resolve(stringOption(options, 'out') ?? file.fileName);
    try {
      writeFileSync(path, file.bytes);
    } catch (error) {
      throw new InputFileError(path, `cannot write the portal table (${(error as Error).message})`);
    }
    io.out(
      `Wrote ${path}: ${table.rows.length} installation row(s) for ${table.windowLabel}` +
        (input.rejectedCells > 0
          ? `; ${input.rejectedCells} rejected cell(s) left out (see va-assess validate)`
          : ''),
    );
    return EXIT_OK;
  },
};
