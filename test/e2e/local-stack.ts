import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { sleep } from '../../functions/storage/backoff';

const ROOT = join(__dirname, '..', '..');

export interface LocalStack {
  url: string;
  /** The playground add-on's backend (OIDC mode, plain http on loopback), as the banner prints it. */
  oidcUrl: string;
  /** The process npm start's script runs in (DynamoDB Local's JVM is one of its children). */
  pid: number;
  /** DynamoDB Local's port, as the banner prints it. */
  dynamoPort: number;
  /** The local Sheets API and the example's spreadsheet on it, as the banner prints them. */
  sheets: { rootUrl: string; spreadsheetId: string };
  output: () => string;
  /** Ctrl-C, as a person stops it; resolves with the exit code. */
  interrupt: () => Promise<number | null>;
}

/** Starts `npm start`'s script the way npm does, with its own port and data folder, and waits for its banner. */
export async function startLocalStack(
  dataDir: string,
  port: number,
  timeoutMs = 90_000,
): Promise<LocalStack> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts', 'start-local.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), LOCAL_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  while (!/Ctrl-C stops/.test(output)) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`npm start printed no banner in ${timeoutMs} ms:\n${output}`);
    }
    await sleep(200);
  }
  const dynamoPort = Number(/DynamoDB Local:\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
  const sheets = /Sheets API:\s+(\S+) \(local\), spreadsheet (\S+),/.exec(output);
  return {
    url: `http://localhost:${port}`,
    oidcUrl: /OIDC backend:\s+(\S+)/.exec(output)?.[1] ?? '',
    pid: child.pid ?? 0,
    dynamoPort,
    sheets: { rootUrl: sheets?.[1] ?? '', spreadsheetId: sheets?.[2] ?? '' },
    output: () => output,
    interrupt: async () => {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
