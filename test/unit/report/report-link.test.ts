import { signedReportQuery, verifyReportLink } from '../../../functions/report/report-link';
import { ReportLinkExpiredError, ReportLinkInvalidError } from '../../../functions/report/report-link-errors';

const SECRET = 'unit-test-report-link-secret-0123456789';
const NOW = 1_700_000_000;
const CLAIMS = { projectId: 'imagine', period: 'PY1', format: 'docx' as const, expires: NOW + 600 };

function linkOf(claims = CLAIMS) {
  const query = new URLSearchParams(signedReportQuery(claims, SECRET));
  return {
    claims: {
      projectId: claims.projectId,
      period: query.get('period') ?? '',
      format: claims.format,
      expires: query.get('expires') ?? undefined,
    },
    signature: query.get('signature') ?? '',
  };
}

describe('signed report links', () => {
  it('accepts the link as signed, until it expires', () => {
    const { claims, signature } = linkOf();
    expect(() => verifyReportLink(claims, signature, SECRET, NOW + 599)).not.toThrow();
    expect(() => verifyReportLink(claims, signature, SECRET, NOW + 600)).toThrow(ReportLinkExpiredError);
  });

  it.each([
    ['another project', { projectId: 'other' }],
    ['another period', { period: 'P1' }],
    ['another format', { format: 'html' as const }],
    ['a later expiry', { expires: String(NOW + 86_400) }],
  ])('refuses the link moved to %s', (_, change) => {
    const { claims, signature } = linkOf();
    expect(() => verifyReportLink({ ...claims, ...change }, signature, SECRET, NOW)).toThrow(
      ReportLinkInvalidError,
    );
  });

  it('refuses another secret, a missing expiry and a non-hex signature', () => {
    const { claims, signature } = linkOf();
    expect(() => verifyReportLink(claims, signature, `${SECRET}x`, NOW)).toThrow(ReportLinkInvalidError);
    expect(() => verifyReportLink({ ...claims, expires: undefined }, signature, SECRET, NOW)).toThrow(
      ReportLinkInvalidError,
    );
    expect(() => verifyReportLink(claims, 'z'.repeat(64), SECRET, NOW)).toThrow(ReportLinkInvalidError);
  });

  it('calls an altered link that is also past its time "not valid", never "expired"', () => {
    const { claims, signature } = linkOf();
    const altered = { ...claims, expires: String(NOW - 1) };
    expect(() => verifyReportLink(altered, signature, SECRET, NOW)).toThrow(ReportLinkInvalidError);
  });
});
