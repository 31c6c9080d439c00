import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertWithLibreOffice } from '../support/libreoffice';
import { runVaAssess } from './run-cli';
import type { DraftsJson } from './support/cli-json';

const INSTALLATIONS = [
  'iMagine – AI Application Development Service',
  'iMagine – AI Applications as a Service',
  'IFCA-CSIC Scientific Cloud – CPU',
  'IFCA-CSIC Scientific Cloud – GPU',
  'IFCA-CSIC Scientific Cloud – Storage',
  'INCD – CPU',
  'INCD-GPU',
  'INCD-Storage',
  'TR-FC1-ULAKBIM',
  'WaltonCloud – CPU',
  'WaltonCloud – Storage',
];

/** pdftotext breaks lines where the page does: compare words, not layout. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A line broken at a hyphen or dash loses the hyphen or gains a space: compare without either. */
const squeezed = (text: string) => text.replace(/[\s\-–]+/g, '');

describe('va-assess report on the D4.2 example', () => {
  const folder = mkdtempSync(join(tmpdir(), 'va-report-'));

  it('writes a Word report that LibreOffice turns into a PDF holding the figures, every installation and its assessment, and the charts', () => {
    const docx = join(folder, 'r.docx');
    const run = runVaAssess([
      'report',
      '--example',
      'imagine-py1',
      '--period',
      'PY1',
      '--format',
      'docx',
      '--out',
      docx,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    convertWithLibreOffice(docx, { to: 'pdf', folder, timeoutMs: 60_000 });
    const pdf = join(folder, 'r.pdf');
    expect(existsSync(pdf)).toBe(true);
    const pages = words(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
    // Every page is numbered and, after the first, headed with the document title, as in the seed deliverable.
    expect(pages).toMatch(/Page 1 of \d+/);
    expect(pages).toContain('Page 2 of');
    // Without the running footer and header, a paragraph broken across two pages reads as one.
    const text = pages.replace(
      /Page \d+ of \d+( D4\.2 1st Periodical assessment of AI and Infrastructure services)?/g,
      ' ',
    );
    expect(text).toContain('662,547 CPU-hours');
    expect(text).toContain('14,400 GPU-hours');
    expect(text).toContain('89% of the budgeted CPU and GPU-hours');
    expect(text).toContain('98% of the budgeted storage');
    for (const name of INSTALLATIONS) expect(text).toContain(name);
    // Every installation's assessment: the generated drafts, as `va-assess drafts` writes them.
    const drafts = JSON.parse(
      runVaAssess(['drafts', '--example', 'imagine-py1', '--period', 'PY1', '--json']).stdout,
    ) as DraftsJson;
    expect(drafts.drafts).toHaveLength(11);
    for (const draft of drafts.drafts) {
      for (const paragraph of draft.text.split('\n\n')) expect(squeezed(text)).toContain(squeezed(paragraph));
    }
    expect(text).not.toContain('Assessment missing');
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => /\bimage\b/.test(line));
    expect(images.length).toBeGreaterThanOrEqual(4);
  }, 90_000);

  it('writes HTML and Markdown next to it, named after the project and window by default', () => {
    for (const format of ['html', 'md']) {
      const run = runVaAssess(
        ['report', '--example', 'imagine-py1', '--period', 'PY1', '--format', format],
        folder,
      );
      expect(run.status).toBe(0);
      const file = join(folder, `imagine-PY1-report.${format}`);
      const content = readFileSync(file, 'utf8');
      expect(content).toContain('662,547 CPU-hours');
      expect(content).toContain('WaltonCloud – Storage');
    }
    expect(readFileSync(join(folder, 'imagine-PY1-report.html'), 'utf8')).toMatch(
      /<img src="data:image\/svg\+xml;base64,/,
    );
  });

  it('refuses an unknown format with the formats it knows', () => {
    const run = runVaAssess(['report', '--example', 'imagine-py1', '--period', 'PY1', '--format', 'pdf']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--format "pdf" is not a report format: expected docx, html, md');
  });
});
