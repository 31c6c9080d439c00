import { type GoogleLike, type ScriptContext, strict } from './script-context';

const text = (values: unknown[]) =>
  values
    .map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))))
    .join(' ');

/** Logger, whose log this execution keeps, and every line in the execution's log as well. */
export const Logger = (ctx: ScriptContext) => {
  const logged: string[] = [];
  const self: GoogleLike = strict(ctx.services, 'Logger', {
    log: (format: unknown, ...values: unknown[]) => {
      let line = typeof format === 'string' && values.length > 0 ? format : text([format, ...values]);
      if (typeof format === 'string') for (const value of values) line = line.replace('%s', String(value));
      logged.push(line);
      ctx.services.log(line);
      return self;
    },
    getLog: () => logged.join('\n'),
    clear: () => {
      logged.length = 0;
    },
  });
  return self;
};

export const consoleFacade = (ctx: ScriptContext) =>
  strict(ctx.services, 'console', {
    log: (...values: unknown[]) => ctx.services.log(text(values)),
    info: (...values: unknown[]) => ctx.services.log(`INFO ${text(values)}`),
    warn: (...values: unknown[]) => ctx.services.log(`WARNING ${text(values)}`),
    error: (...values: unknown[]) => ctx.services.log(`ERROR ${text(values)}`),
  });
