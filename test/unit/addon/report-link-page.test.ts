import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportLinkPage } from '../../../sheets-addon/core/report-link-page';

const TEMPLATE = readFileSync(join(__dirname, '../../../sheets-addon/client/report-link.html'), 'utf8');
const URL_OF_LINK =
  'https://api.example.org/v1/projects/imagine/report?period=PY1&format=docx&expires=1696231800&signature=ab12';

const page = (overrides: Partial<Parameters<typeof reportLinkPage>[1]> = {}) =>
  reportLinkPage(TEMPLATE, {
    url: URL_OF_LINK,
    expiresAt: '2023-10-02T07:10:00Z',
    format: 'docx',
    windowId: 'PY1',
    missingAssessments: [],
    ...overrides,
  });

describe('the report link dialog', () => {
  it('links the signed URL in a new tab, with its expiry, and leaves no placeholder', () => {
    const html = page();
    expect(html).toContain(
      `<a id="download" class="download" href="${URL_OF_LINK.replace(/&/g, '&amp;')}" target="_blank" rel="noopener">Download the report (Word)</a>`,
    );
    expect(html).toContain('datetime="2023-10-02T07:10:00Z"');
    expect(html).toContain('Every installation has its assessment.');
    expect(html).not.toMatch(/__REPORT_[A-Z_]+__/);
  });

  it('lists the installations whose assessment is missing, as text', () => {
    const html = page({ missingAssessments: ['INCD-GPU', '<img src=x onerror=alert(1)>'] });
    expect(html).toContain('Assessment missing for 2 installations');
    expect(html).toContain('<li>INCD-GPU</li>');
    expect(html).toContain('<li>&lt;img src=x onerror=alert(1)&gt;</li>');
  });

  it('links nothing but http(s)', () => {
    expect(page({ url: 'javascript:alert(1)' })).toContain('href="#"');
  });
});
