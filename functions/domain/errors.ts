/**
 * Errors the domain raises for input it cannot work with. Each says what was found and what is
 * expected; the edges (CLI, HTTP) map them to exit codes and status codes.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly found: string,
    readonly expected: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidWindowError extends DomainError {
  constructor(found: string, expected: string) {
    super(`Unknown period "${found}": expected ${expected}.`, found, expected);
  }
}

export class InvalidConfigError extends DomainError {
  constructor(readonly problems: string[]) {
    super(
      `The project configuration is invalid:\n  - ${problems.join('\n  - ')}`,
      `${problems.length} problem(s)`,
      'a configuration that matches the schema',
    );
  }
}

export class InvalidMetricsTableError extends DomainError {
  constructor(readonly problems: string[]) {
    super(
      `The metrics table is invalid:\n  - ${problems.join('\n  - ')}`,
      `${problems.length} problem(s)`,
      'one row per installation and metric, one column per period',
    );
  }
}
