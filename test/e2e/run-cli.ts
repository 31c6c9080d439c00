import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the installed `va-assess` bin exactly as a user's `npx va-assess` would. */
export function runVaAssess(args: readonly string[], cwd: string = ROOT): CliRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'va-assess.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
