import { ConfigurationError, parseEnv } from '../../../functions/commons/env';

const BASE = { TABLE_NAME: 't', OIDC_AUDIENCE: 'client-id.apps.googleusercontent.com' };
const ARN = 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:va-assess/report-link-AbCdEf';

function refusal(source: Record<string, string>): ConfigurationError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('parseEnv accepted it');
}

describe('secrets given by their Secrets Manager ARN', () => {
  it('takes a complete ARN, leaving the value to be read at cold start', () => {
    const env = parseEnv({ ...BASE, REPORT_LINK_SECRET_ARN: ARN, AWS_LAMBDA_FUNCTION_NAME: 'api' });
    expect(env.REPORT_LINK_SECRET_ARN).toBe(ARN);
    expect(env.REPORT_LINK_SECRET).toBeUndefined();
  });

  it('refuses a bare name or a partial ARN, which an IAM policy would not match', () => {
    const error = refusal({ ...BASE, SHEETS_SERVICE_ACCOUNT_KEY_ARN: ARN.replace(/-AbCdEf$/, '') });
    expect(error.variables).toEqual(['SHEETS_SERVICE_ACCOUNT_KEY_ARN']);
    expect(error.message).toContain('complete ARN');
  });

  it('refuses an ARN on Google Cloud Functions, where nothing would read it', () => {
    const error = refusal({ ...BASE, REPORT_LINK_SECRET_ARN: ARN, K_SERVICE: 'va-assess-api' });
    expect(error.variables).toEqual(['REPORT_LINK_SECRET_ARN']);
    expect(error.message).toContain('--set-secrets');
  });

  it('refuses the local Secrets Manager on a platform', () => {
    const error = refusal({
      ...BASE,
      SECRETS_MANAGER_ENDPOINT: 'http://127.0.0.1:8091',
      AWS_LAMBDA_FUNCTION_NAME: 'api',
    });
    expect(error.variables).toEqual(['SECRETS_MANAGER_ENDPOINT']);
  });
});
