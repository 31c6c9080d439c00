import { ConfigurationError, parseEnv } from '../../../functions/commons/env';

const base = { TABLE_NAME: 't', OIDC_AUDIENCE: 'client-id' };

describe('PROJECT_CREATORS', () => {
  it('is empty when unset: nobody may create a project over the API', () => {
    expect(parseEnv(base).PROJECT_CREATORS).toEqual([]);
    expect(parseEnv({ ...base, PROJECT_CREATORS: ' ' }).PROJECT_CREATORS).toEqual([]);
  });

  it('takes e-mail addresses and @domain entries, lower-cased', () => {
    expect(
      parseEnv({ ...base, PROJECT_CREATORS: 'Jane@Uni.Example, @institute.example ,' }).PROJECT_CREATORS,
    ).toEqual(['jane@uni.example', '@institute.example']);
  });

  it('refuses an entry that is neither, naming the variable and the entry', () => {
    const attempt = () => parseEnv({ ...base, PROJECT_CREATORS: 'jane@uni.example,institute.example' });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(
      'PROJECT_CREATORS: found "institute.example", expected e-mail addresses or "@domain"',
    );
  });
});
