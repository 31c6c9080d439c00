import {
  backendOfPrefix,
  builtBackendProblem,
  builtPrefixAdmits,
} from '../../../sheets-addon/core/built-backend';

describe('the backend a build of the add-on can reach', () => {
  it('admits the built backend, with or without a trailing slash, and addresses under its path', () => {
    expect(builtPrefixAdmits('https://api.example.org/', 'https://api.example.org')).toBe(true);
    expect(builtPrefixAdmits('https://api.example.org/', 'https://api.example.org/')).toBe(true);
    expect(builtPrefixAdmits('https://api.example.org/va/', 'https://api.example.org/va')).toBe(true);
    expect(builtPrefixAdmits('https://*.example.org/', 'https://eu.example.org')).toBe(true);
  });

  it('refuses another host, another port, plain http and a path outside the prefix', () => {
    for (const url of [
      'https://api.example.net',
      'https://api.example.org:8443',
      'http://api.example.org',
      'https://api.example.org.evil.net',
    ]) {
      expect({ url, admitted: builtPrefixAdmits('https://api.example.org/', url) }).toEqual({
        url,
        admitted: false,
      });
    }
    expect(builtPrefixAdmits('https://api.example.org/va/', 'https://api.example.org/other')).toBe(false);
    expect(builtPrefixAdmits('https://*.example.org/', 'https://example.org')).toBe(false);
  });

  it('says which backend the build was made for and that another one needs another build', () => {
    expect(builtBackendProblem('https://api.example.org/', 'https://api.example.org')).toBe('');
    expect(builtBackendProblem('https://api.example.org/', 'https://other.example.net')).toBe(
      'Backend URL: this copy of the add-on was built for https://api.example.org/ and Google lets it reach nothing else, so it cannot use "https://other.example.net". Another backend means another build of the add-on (npm run build:addon -- --url-prefix <backend>/), deployed for this spreadsheet.',
    );
    expect(backendOfPrefix('https://api.example.org/')).toBe('https://api.example.org');
    expect(backendOfPrefix('https://*.example.org/')).toBe('');
  });
});
