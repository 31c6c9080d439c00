import { DateTime } from 'luxon';
import type { Container } from '../../../functions/api/container';
import type { ApiRequest } from '../../../functions/api/http-types';
import { fromHttpApiEvent } from '../../../functions/api/lambda';
import { signedReportLink } from '../../../functions/api/routes/signed-report-link';

/**
 * docs/deploy.md tells the deployer to leave PUBLIC_BASE_URL unset, so the API is deployed once: the
 * signed report links then start with the address the request reached, as each platform reports it.
 */
const container = (publicBaseUrl?: string): Pick<Container, 'now' | 'reportLinks'> => ({
  now: () => DateTime.fromISO('2026-01-05T10:00:00Z'),
  reportLinks: {
    ttlSeconds: 900,
    secret: 'x'.repeat(32),
    publicBaseUrl,
  },
});
const REPORT = { projectId: 'imagine', windowId: 'PY1', format: 'docx' as const };

describe('report links without PUBLIC_BASE_URL: one deploy, the address the request reached', () => {
  it('on AWS, from the HTTP API event (API Gateway sets Host and X-Forwarded-Proto)', () => {
    const request = fromHttpApiEvent({
      rawPath: '/v1/projects/imagine/sheet/report',
      requestContext: { http: { method: 'POST' } },
      headers: { Host: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com', 'X-Forwarded-Proto': 'https' },
    } as Parameters<typeof fromHttpApiEvent>[0]);
    const link = signedReportLink(request, container(), REPORT, 'x'.repeat(32));
    expect(link.url).toMatch(
      /^https:\/\/a1b2c3d4e5\.execute-api\.eu-west-1\.amazonaws\.com\/v1\/projects\/imagine\/report\?/,
    );
  });

  it('on Google Cloud Functions (Cloud Run sets Host and X-Forwarded-Proto)', () => {
    const request: ApiRequest = {
      remoteAddress: '10.0.0.1',
      method: 'POST',
      path: '/v1/projects/imagine/sheet/report',
      query: {},
      headers: { host: 'va-assess-api-abc123-ew.a.run.app', 'x-forwarded-proto': 'https' },
    };
    const link = signedReportLink(request, container(), REPORT, 'x'.repeat(32));
    expect(link.url).toMatch(
      /^https:\/\/va-assess-api-abc123-ew\.a\.run\.app\/v1\/projects\/imagine\/report\?/,
    );
  });

  it('PUBLIC_BASE_URL, when set (a custom domain), wins', () => {
    const request: ApiRequest = {
      remoteAddress: '10.0.0.1',
      method: 'POST',
      path: '/',
      query: {},
      headers: { host: 'internal.example', 'x-forwarded-proto': 'https' },
    };
    const link = signedReportLink(request, container('https://api.example.org/'), REPORT, 'x'.repeat(32));
    expect(link.url).toMatch(/^https:\/\/api\.example\.org\/v1\/projects\/imagine\/report\?/);
  });
});
