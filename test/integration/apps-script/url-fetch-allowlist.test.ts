import { notAllowlisted, urlAllowlistOf } from '../../../local/apps-script/url-fetch-allowlist';

/** Google's rules for urlFetchWhitelist (developers.google.com/apps-script/manifest/allowlist-url). */
describe("the manifest's urlFetchWhitelist, as the Apps Script double reads it", () => {
  it('matches the prefix itself and its children, as Google lists them for https://example.com/foo', () => {
    const list = urlAllowlistOf({ urlFetchWhitelist: ['https://example.com/foo'] });
    expect(list.problem).toBe('');
    for (const url of [
      'https://example.com/foo',
      'https://example.com/foo/',
      'https://example.com/foo/bar',
      'https://example.com/foo?bar',
      'https://example.com/foo#bar',
      'https://EXAMPLE.com/foo/bar',
    ]) {
      expect({ url, admitted: list.admits(url) }).toEqual({ url, admitted: true });
    }
    for (const url of [
      'https://example.com/foobar',
      'https://example.com/Foo',
      'https://example.com/',
      'http://example.com/foo',
      'https://example.com:8443/foo',
      'https://api.example.com/foo',
      'not a url',
    ]) {
      expect({ url, admitted: list.admits(url) }).toEqual({ url, admitted: false });
    }
  });

  it('matches subdomains with a wildcard, not the bare domain (the stricter reading)', () => {
    const list = urlAllowlistOf({ urlFetchWhitelist: ['https://*.example.org/'] });
    expect(list.admits('https://api.example.org/v1/health')).toBe(true);
    expect(list.admits('https://a.b.example.org/')).toBe(true);
    expect(list.admits('https://example.org/')).toBe(false);
    expect(list.admits('https://evil-example.org/')).toBe(false);
  });

  it('refuses entries Google refuses: http, no path; and a manifest without the field admits nothing', () => {
    for (const entry of ['http://example.com/', 'https://example.com', 'example.com/']) {
      const list = urlAllowlistOf({ urlFetchWhitelist: [entry] });
      expect(list.problem).toContain(`urlFetchWhitelist entry "${entry}" is invalid`);
      expect(list.admits('https://example.com/')).toBe(false);
    }
    const none = urlAllowlistOf({});
    expect(none.problem).toContain('has no urlFetchWhitelist');
    expect(none.admits('https://example.com/')).toBe(false);
  });

  it('words the refusal as Apps Script does', () => {
    expect(notAllowlisted('https://a.org/x')).toBe(
      'Request to https://a.org/x failed because the URL has not been whitelisted in the script manifest.',
    );
  });
});
