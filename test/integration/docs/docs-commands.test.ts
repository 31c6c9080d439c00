import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/**
 * docs/deploy.md and docs/partner-guide.md: every shell block says whether it runs offline
 * (`<!-- offline -->` on the line before it) or why not (`<!-- online: … -->`, `<!-- not-run: … -->`),
 * and every offline block runs as written, in a copy of the repository (so that what it writes never
 * meets another test's files), and must succeed. Every picture they show exists.
 */
const ROOT = join(__dirname, '..', '..', '..');
const DOCS = ['docs/deploy.md', 'docs/partner-guide.md'];
const SHELL = /^```(sh|bash|shell|console)\s*$/;

interface ShellBlock {
  doc: string;
  line: number;
  marker: string;
  script: string;
}

function shellBlocks(doc: string): ShellBlock[] {
  const lines = readFileSync(join(ROOT, doc), 'utf8').split('\n');
  const blocks: ShellBlock[] = [];
  lines.forEach((text, index) => {
    if (!SHELL.test(text)) return;
    const end = lines.findIndex((candidate, after) => after > index && candidate.startsWith('```'));
    blocks.push({
      doc,
      line: index + 1,
      marker: /^<!-- (offline|online: .+|not-run: .+) -->$/.exec(lines[index - 1] ?? '')?.[1] ?? '',
      script: lines.slice(index + 1, end).join('\n'),
    });
  });
  return blocks;
}

const blocks = DOCS.flatMap(shellBlocks);
const offline = blocks.filter((block) => block.marker === 'offline');

/** The repository's files without its dependencies, data and build output; node_modules linked. */
function copyOfRepository(): string {
  const copy = mkdtempSync(join(tmpdir(), 'docs-commands-'));
  const skipped = new Set([
    'node_modules',
    '.git',
    '.data',
    'dist',
    'test-artifacts',
    'coverage',
    '.serverless',
  ]);
  cpSync(ROOT, copy, {
    recursive: true,
    filter: (source) =>
      !relative(ROOT, source)
        .split('/')
        .some((part) => skipped.has(part)),
  });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

describe('the commands in the deployment checklist and the partner guide', () => {
  it('exist, and mark every shell block offline, online or not-run', () => {
    for (const doc of DOCS) expect(existsSync(join(ROOT, doc))).toBe(true);
    expect(
      blocks.filter((block) => block.marker === '').map((block) => `${block.doc}:${block.line}`),
    ).toEqual([]);
    expect(offline.length).toBeGreaterThanOrEqual(2);
  });

  it('show only pictures that exist', () => {
    for (const doc of DOCS) {
      const text = readFileSync(join(ROOT, doc), 'utf8');
      const pictures = [...text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1] ?? '');
      for (const picture of pictures)
        expect({ doc, picture, exists: existsSync(join(ROOT, dirname(doc), picture)) }).toEqual({
          doc,
          picture,
          exists: true,
        });
    }
  });

  describe('offline blocks run as written', () => {
    let copy = '';
    beforeAll(() => {
      copy = copyOfRepository();
    });
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it.each(offline.map((block) => [`${block.doc}:${block.line}`, block] as const))('%s', (_, block) => {
      const run = spawnSync('bash', ['-euo', 'pipefail', '-c', block.script], {
        cwd: copy,
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          ...process.env,
          VA_ASSESS_SCRIPT_ID: '',
          VA_ASSESS_SPREADSHEET_ID: '',
          VA_ASSESS_URL_PREFIX: '',
        },
      });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    });

    it('the dry run of deploy:addon wrote the bound script project it describes', () => {
      const clasp = JSON.parse(readFileSync(join(copy, 'sheets-addon', '.clasp.json'), 'utf8'));
      expect(clasp).toEqual({
        scriptId: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
        parentId: '1ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210',
        rootDir: 'dist',
      });
      expect(existsSync(join(copy, 'sheets-addon', 'dist', 'appsscript.json'))).toBe(true);
    });
  });
});
