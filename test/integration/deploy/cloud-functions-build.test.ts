import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Cloud Functions runs `npm run gcp-build` (tsc -p tsconfig.build.json) on the uploaded source and
 * starts dist/functions/api/router.js. A deployed function must carry none of the local stand-ins:
 * tsc would emit dist/local/ if any deployed module imported one, and gcloud uploads what
 * .gcloudignore lets through.
 */
describe('the Cloud Functions build', () => {
  let outDir: string;

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'va-assess-gcp-build-'));
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir],
      {
        cwd: ROOT,
      },
    );
  }, 120_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('compiles the router and none of the local stand-ins', () => {
    const files = filesUnder(outDir).map((path) => relative(outDir, path).split('\\').join('/'));
    expect(files).toContain('functions/api/router.js');
    expect(files.filter((file) => file.startsWith('local/'))).toEqual([]);
  });

  it('uploads no stand-in source: .gcloudignore leaves local/ out', () => {
    const ignored = readFileSync(join(ROOT, '.gcloudignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toContain('local/');
  });
});
