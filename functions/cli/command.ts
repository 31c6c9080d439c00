import type { ParseArgsConfig } from 'node:util';
import type { DateTime } from 'luxon';

/** Where a command writes and what time it is: injected so tests run commands without a terminal. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  now: DateTime;
}

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | undefined>;

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpecs;
  run(options: OptionValues, io: CliIo): Promise<number> | number;
}
