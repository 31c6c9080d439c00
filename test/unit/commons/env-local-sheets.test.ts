import { ConfigurationError, parseEnv } from '../../../functions/commons/env';

/** The local Sheets API trusts an unsigned "local:<email>" token: the functions may aim at it only off-platform. */
describe('SHEETS_API_ROOT_URL', () => {
  const base = { TABLE_NAME: 't', OIDC_AUDIENCE: 'client-id', SHEETS_API_ROOT_URL: 'http://127.0.0.1:8090/' };

  it('is accepted on a developer machine (npm start, tests)', () => {
    expect(parseEnv(base).SHEETS_API_ROOT_URL).toBe('http://127.0.0.1:8090/');
  });

  it.each([
    ['AWS Lambda', { AWS_LAMBDA_FUNCTION_NAME: 'va-assess-api' }],
    ['Cloud Functions', { K_SERVICE: 'va-assess-api' }],
    ['Cloud Functions (FUNCTION_TARGET)', { FUNCTION_TARGET: 'vaAssessApi' }],
  ])('is refused on %s, naming the variable', (_, platform) => {
    const attempt = () => parseEnv({ ...base, ...platform });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(/SHEETS_API_ROOT_URL points the functions at a local Sheets API and is refused/);
  });

  it('leaves the platforms alone when it is unset', () => {
    expect(
      parseEnv({ ...base, SHEETS_API_ROOT_URL: '', AWS_LAMBDA_FUNCTION_NAME: 'x' }).SHEETS_API_ROOT_URL,
    ).toBe(undefined);
  });
});
