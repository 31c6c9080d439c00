import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { DomainError } from '../domain/errors';
import { EXIT_OK, EXIT_USAGE, InputFileError, UsageError } from './cli-errors';
import type { CliIo, Command } from './command';
import { configCommand } from './commands/config';
import { doctorCommand } from './commands/doctor';
import { draftsCommand } from './commands/drafts';
import { portalCommand } from './commands/portal';
import { reportCommand } from './commands/report';
import { rulesCommand } from './commands/rules';
import { statusCommand } from './commands/status';
import { summaryCommand } from './commands/summary';
import { validateCommand } from './commands/validate';

const COMMANDS: Command[] = [
  validateCommand,
  summaryCommand,
  draftsCommand,
  reportCommand,
  portalCommand,
  rulesCommand,
  statusCommand,
  configCommand,
  doctorCommand,
];

const MAIN_USAGE = `va-assess: periodic assessment of Virtual Access installations

Usage: va-assess <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(14)} ${command.summary}`).join('\n')}

Run \`va-assess <command> --help\` for a command's options.
Example: va-assess summary --example imagine-py1 --period PY1`;

function defaultIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    now: DateTime.now(),
  };
}

/** Runs one command line and returns the exit code; never throws for bad input. */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(MAIN_USAGE);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.err(
      `Unknown command "${name}": expected one of ${COMMANDS.map((c) => c.name).join(', ')}.\n\n${MAIN_USAGE}`,
    );
    return EXIT_USAGE;
  }
  try {
    const { values } = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help === true) {
      io.out(command.usage);
      return EXIT_OK;
    }
    return await command.run(values, io);
  } catch (error) {
    return reportFailure(error, command, io);
  }
}

function reportFailure(error: unknown, command: Command, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`${error.message}\n\n${command.usage}`);
    return EXIT_USAGE;
  }
  // parseArgs signals unknown flags and missing option values with these codes.
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    io.err(`${(error as Error).message}\n\n${command.usage}`);
    return EXIT_USAGE;
  }
  if (error instanceof InputFileError || error instanceof DomainError) {
    io.err(`va-assess ${command.name}: ${error.message}`);
    return EXIT_USAGE;
  }
  throw error;
}
