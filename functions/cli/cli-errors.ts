/** A bad command line: wrong command, missing option, unknown flag. Exit code 2, with the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file the CLI was pointed at cannot be read or parsed. Exit code 2. */
export class InputFileError extends Error {
  override name = 'InputFileError';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

export const EXIT_OK = 0;
/** The data was read but holds errors: a value of the metrics table is rejected. */
export const EXIT_FINDINGS = 1;
/** The command could not run: bad arguments or unreadable files. */
export const EXIT_USAGE = 2;
/**
 * The values are all accepted but a baseline of the configuration is rejected: the coordinator's to
 * fix, not the partners', and it only removes that baseline's comparison from summaries and drafts.
 */
export const EXIT_CONFIG_FINDINGS = 3;
