import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Converts `file` with LibreOffice (`soffice --headless --convert-to <to>`) into `outDir`, throwing when
 * LibreOffice cannot open it. Each call site passes a folder of its own: the profile lives there, so
 * parallel runs of soffice do not share (and lock) one.
 */
export function convertWithLibreOffice(
  file: string,
  options: { to: string; folder: string; outDir?: string; timeoutMs: number },
): void {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(options.folder, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      options.to,
      '--outdir',
      options.outDir ?? options.folder,
      file,
    ],
    { timeout: options.timeoutMs, stdio: 'pipe' },
  );
}
