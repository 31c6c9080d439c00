import { DateTime } from 'luxon';
import { parseWindow } from '../../../functions/domain/calendar/reporting-window';
import type { ProjectConfig } from '../../../functions/domain/config';
import { buildReportModel } from '../../../functions/domain/report/build-report-model';
import type { ReportModel } from '../../../functions/domain/report/report-model';
import { summarize } from '../../../functions/domain/summary/summarize';
import { renderHtml } from '../../../functions/report/html/render-html';
import { renderMarkdown } from '../../../functions/report/markdown/render-markdown';
import { imagineConfig, imagineValues } from '../../fixtures/imagine-values';

const NOW = DateTime.fromISO('2023-10-02T09:00:00Z');
const HOSTILE_NAME = 'CPU <script>alert("x")</script> | cloud\r\n## Injected heading\r- injected item';
const HOSTILE_ASSESSMENT = '<img src=x onerror="alert(1)"> served \'many\' & more';

function hostileModel(): ReportModel {
  const base = imagineConfig();
  const config: ProjectConfig = {
    ...base,
    project: { ...base.project, title: 'iMagine <b>"bold"</b>' },
    installations: base.installations.map((installation) =>
      installation.id === 'ifca-cpu' ? { ...installation, name: HOSTILE_NAME } : installation,
    ),
  };
  const values = imagineValues();
  const summary = summarize(config, values, parseWindow(config.project, 'PY1'), NOW);
  return buildReportModel({
    config,
    summary,
    values,
    assessments: [{ installationId: 'ifca-cpu', text: HOSTILE_ASSESSMENT, origin: 'edited' }],
  });
}

describe('config and people text in the report files', () => {
  const model = hostileModel();

  it('HTML: shows every such text as text, never as markup', async () => {
    const html = renderHtml(model, []);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>');
    expect(html).toContain('CPU &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; served &#39;many&#39; &amp; more');
  });

  it('Markdown: a name with a pipe or line breaks stays in its table cell, heading and list item', () => {
    const markdown = renderMarkdown(model);
    const lines = markdown.split(/\r\n|\r|\n/);
    // No line of the file is the name's second half: no heading, list item or row it could start.
    expect(lines.filter((line) => line.includes('Injected heading') && !line.includes('CPU'))).toEqual([]);
    expect(lines.filter((line) => line.includes('injected item') && !line.includes('CPU'))).toEqual([]);
    const heading = lines.find((line) => /^### 2\.\d+ CPU/.test(line));
    // The name is text inside the heading: its markup escaped, its line breaks gone.
    expect(heading).toContain('CPU \\<script\\>alert("x")\\</script\\> \\| cloud ## Injected heading');
    // Table rows naming the installation keep the pipe escaped, so the row has as many cells as the header.
    const rows = lines.filter((line) => line.startsWith('| ') && line.includes('CPU \\<script\\>'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain('\\| cloud');
  });

  it("Markdown: a person's assessment is text, its links kept only to http, https and mailto", () => {
    const assessment = [
      '# Injected heading',
      '<script>alert(1)</script> and <img src=x onerror="alert(2)">',
      '[click](javascript:alert(3)) or [here](javascript:void) or [site](https://example.org/a_b) or [mail](mailto:a@example.org)',
      '  - a list item, *emphasis* & `code` ~~struck~~',
      '1. numbered',
    ].join('\n');
    const base = imagineConfig();
    const values = imagineValues();
    const model = buildReportModel({
      config: base,
      summary: summarize(base, values, parseWindow(base.project, 'PY1'), NOW),
      values,
      assessments: [{ installationId: 'ifca-cpu', text: assessment, origin: 'edited' }],
    });

    const lines = renderMarkdown(model).split('\n');
    const start = lines.indexOf('\\# Injected heading');

    expect(lines.slice(start, start + 5)).toEqual([
      '\\# Injected heading',
      '\\<script\\>alert(1)\\</script\\> and \\<img src=x onerror="alert(2)"\\>',
      '\\[click\\](javascript:alert(3)) or here or [site](<https://example.org/a_b>) or [mail](<mailto:a@example.org>)',
      '\\- a list item, \\*emphasis\\* \\& \\`code\\` \\~\\~struck\\~\\~',
      '1\\. numbered',
    ]);
    // Nothing in the file is a raw tag or a javascript: link target.
    expect(lines.filter((line) => /(^|[^\\])<(script|img)/.test(line))).toEqual([]);
    expect(lines.filter((line) => /(^|[^\\])\]\(<?javascript:/i.test(line))).toEqual([]);
  });
});
