import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { handleApiRequest } from '../../../functions/api/handle-request';
import { createLambdaHandler } from '../../../functions/api/lambda';
import { apiPaths, type ReportLinkResponse } from '../../../functions/contract/contract';
import { signedReportQuery } from '../../../functions/report/report-link';
import { figureImages, launchChromium } from '../../support/chromium';
import { COORDINATOR, IFCA, NOW, testContainer, useApiServer } from './api-test-server';

const SECRET = 'test-report-link-secret-0123456789abcdef';
const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts');

const api = useApiServer({ env: { REPORT_LINK_SECRET: SECRET } });
const PROJECT = 'imagine';
const EDITED =
  'The IFCA cloud moved its platform nodes from DEEP-2 to AI4OS-1 in the second half of the year.';

async function download(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const bearer = (email: string) => ({ authorization: `Bearer ${api.signer.sign({ email })}` });

describe('GET /v1/projects/{id}/report', () => {
  beforeEach(async () => {
    await api.seedExample();
  }, 60_000);

  it('answers the report as HTML, Markdown and Word with their content types and file names', async () => {
    const html = await download(`${api.baseUrl}${apiPaths.report(PROJECT, 'PY1', 'html')}`, bearer(IFCA));
    expect(html.response.status).toBe(200);
    expect(html.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.response.headers.get('content-disposition')).toBe(
      'inline; filename="imagine-PY1-report.html"',
    );
    expect(html.bytes.toString('utf8')).toContain('662,547 CPU-hours');
    // Served from the API's origin: no script may run in it, nor may a browser guess another type.
    expect(html.response.headers.get('content-security-policy')).toMatch(/^default-src 'none';/);
    expect(html.response.headers.get('content-security-policy')).not.toMatch(/script-src/);
    expect(html.response.headers.get('x-content-type-options')).toBe('nosniff');

    const md = await download(`${api.baseUrl}${apiPaths.report(PROJECT, 'py1', 'md')}`, bearer(COORDINATOR));
    expect(md.response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.bytes.toString('utf8')).toMatch(/^# D4\.2 1st Periodical assessment/);
    expect(md.response.headers.get('x-content-type-options')).toBe('nosniff');

    const docx = await download(
      `${api.baseUrl}${apiPaths.report(PROJECT, 'PY1', 'docx')}`,
      bearer(COORDINATOR),
    );
    expect(docx.response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.response.headers.get('content-disposition')).toBe(
      'attachment; filename="imagine-PY1-report.docx"',
    );
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses strangers and a wrong format', async () => {
    const stranger = await api.call('GET', apiPaths.report(PROJECT, 'PY1', 'md'), {
      as: 'stranger@example.org',
    });
    expect(stranger.status).toBe(403);
    const noToken = await api.call('GET', apiPaths.report(PROJECT, 'PY1', 'md'));
    expect(noToken.status).toBe(401);
    const pdf = await api.call('GET', apiPaths.report(PROJECT, 'PY1', 'pdf'), { as: COORDINATOR });
    expect(pdf.status).toBe(400);
    expect(pdf.body.message).toContain('format');
  });

  it("prints a person's edited assessment instead of the generated draft, and marks installations without any", async () => {
    const before = await api.call('GET', apiPaths.report(PROJECT, 'PY1', 'md'), { as: COORDINATOR });
    expect(before.body.match(/Assessment missing/g)).toHaveLength(11);

    const generated = await api.call('POST', apiPaths.drafts(PROJECT, 'PY1'), { as: COORDINATOR });
    expect(generated.status).toBe(200);
    const put = await api.call('PUT', apiPaths.draft(PROJECT, 'ifca-cpu', 'PY1'), {
      as: IFCA,
      body: { text: EDITED },
    });
    expect(put.status).toBe(200);

    const after = await api.call('GET', apiPaths.report(PROJECT, 'PY1', 'md'), { as: COORDINATOR });
    const ifcaSection = after.body.split('### 2.3 ')[1]?.split('### 2.4 ')[0] ?? '';
    expect(ifcaSection).toContain(EDITED);
    expect(ifcaSection).toContain(`Written by ${IFCA}`);
    expect(ifcaSection).not.toContain('The IFCA-CSIC Scientific Cloud – CPU installation was used');
    expect(after.body).not.toContain('Assessment missing');
    expect(after.body).toContain('The INCD – CPU installation was used in this project year');
  });

  it('answers a Lambda event with the file base64-encoded', async () => {
    const handler = createLambdaHandler(() => api.container);
    const result = await handler({
      rawPath: `/v1/projects/${PROJECT}/report`,
      rawQueryString: 'period=PY1&format=docx',
      headers: bearer(COORDINATOR),
      requestContext: { http: { method: 'GET', sourceIp: '198.51.100.7' } },
    });
    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(true);
    expect(Buffer.from(result.body, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('signed report links', () => {
  beforeEach(async () => {
    await api.seedExample();
  }, 60_000);

  async function createLink(format: string, as = IFCA) {
    const link = await api.call('POST', apiPaths.reportLink(PROJECT, 'PY1', format), { as });
    expect(link.status).toBe(200);
    return link.body as ReportLinkResponse;
  }

  it('gives any member a short-lived URL that downloads the report without a token', async () => {
    const link = await createLink('docx');
    expect(link.url.startsWith(`${api.baseUrl}/v1/projects/imagine/report?`)).toBe(true);
    expect(link.expiresAt).toBe(NOW.toUTC().plus({ minutes: 10 }).toISO({ suppressMilliseconds: true }));
    expect(link.outline.executiveSummary[0]).toMatch(/^CPU-hours: 662,547 CPU-hours used in PY1/);
    const { response, bytes } = await download(link.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="imagine-PY1-report.docx"',
    );
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses a link with one character changed, or another period, as not valid', async () => {
    const link = await createLink('docx');
    const url = new URL(link.url);
    const signature = url.searchParams.get('signature') ?? '';
    const flipped = new URL(link.url);
    flipped.searchParams.set('signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
    const otherPeriod = new URL(link.url);
    otherPeriod.searchParams.set('period', 'P1');
    for (const altered of [flipped, otherPeriod]) {
      const result = await api.call('GET', `${altered.pathname}${altered.search}`);
      expect(result.status).toBe(403);
      expect(result.body.code).toBe('report-link-invalid');
      expect(result.body.message).toMatch(/^This report link is not valid/);
    }
  });

  it('refuses an expired link and says when it expired', async () => {
    const expires = Math.floor(NOW.toSeconds()) - 60;
    const query = signedReportQuery({ projectId: PROJECT, period: 'PY1', format: 'docx', expires }, SECRET);
    const result = await api.call('GET', `/v1/projects/${PROJECT}/report?${query}`);
    expect(result.status).toBe(403);
    expect(result.body.code).toBe('report-link-expired');
    expect(result.body.message).toBe(
      `This report link expired at ${NOW.toUTC().minus({ minutes: 1 }).toISO({ suppressMilliseconds: true })}; generate a new one from the sheet menu`,
    );
  });

  it('says the server is misconfigured when REPORT_LINK_SECRET is not set', async () => {
    const container = testContainer(api.harness.local.endpoint, api.harness.tableName, api.signer);
    const response = await handleApiRequest(
      {
        method: 'POST',
        path: `/v1/projects/${PROJECT}/report/link`,
        query: { period: 'PY1', format: 'docx' },
        headers: bearer(COORDINATOR),
        remoteAddress: '127.0.0.1',
      },
      () => container,
    );
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ code: 'misconfigured' });
    expect(JSON.stringify(response.body)).toContain('REPORT_LINK_SECRET');
  });

  it('opens the HTML report from its link in headless Chromium with every chart drawn', async () => {
    const link = await createLink('html');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
      const response = await page.goto(link.url);
      expect(response?.status()).toBe(200);
      const images = await figureImages(page);
      expect(images).toHaveLength(4);
      for (const image of images) {
        expect(image.complete).toBe(true);
        expect(image.width).toBeGreaterThan(0);
        expect(image.alt).not.toBe('');
      }
      await page.locator('#executive-summary').scrollIntoViewIfNeeded();
      mkdirSync(ARTIFACTS, { recursive: true });
      const png = await page.screenshot({ fullPage: false });
      writeFileSync(join(ARTIFACTS, 'report-html.png'), png);
      expect(png.length).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
