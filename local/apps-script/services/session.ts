import type { Execution } from '../execution';

/** The host's side of Session: who runs the execution, and the script's time zone. */
export function sessionOperations(timeZone: string) {
  return {
    'session.info': (execution: Execution) => ({
      // User.getEmail: "not available in any context that allows a script to run without that user's
      // authorization, like a simple onOpen(e)".
      activeUser: execution.mode === 'simple-trigger' ? '' : execution.activeUser,
      effectiveUser: execution.effectiveUser,
      timeZone,
    }),
  };
}
