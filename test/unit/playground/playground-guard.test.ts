import type { IncomingMessage } from 'node:http';
import { requirePlaygroundCaller } from '../../../local/playground/playground-guard';

function request(
  headers: Record<string, string>,
  options: { method?: string; remoteAddress?: string } = {},
): IncomingMessage {
  return {
    method: options.method ?? 'GET',
    headers,
    socket: { remoteAddress: options.remoteAddress ?? '127.0.0.1' },
  } as unknown as IncomingMessage;
}

/** Choosing who to act as stands in for signing in: only this machine, only by a loopback name. */
describe('requirePlaygroundCaller', () => {
  it('serves the page addressed as localhost, 127.0.0.1 or [::1] from this machine', () => {
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080'])
      expect(() => requirePlaygroundCaller(request({ host }))).not.toThrow();
  });

  it('refuses a page opened with Host: evil.example (DNS rebinding), naming the host', () => {
    expect(() => requirePlaygroundCaller(request({ host: 'evil.example:8080' }))).toThrow(
      /addressed to "evil\.example:8080"/,
    );
  });

  it('refuses another machine, another origin, and an action without a JSON body', () => {
    expect(() =>
      requirePlaygroundCaller(request({ host: 'localhost' }, { remoteAddress: '10.0.0.5' })),
    ).toThrow(/only this machine/);
    expect(() =>
      requirePlaygroundCaller(
        request(
          { host: 'localhost', origin: 'https://evil.example', 'content-type': 'application/json' },
          { method: 'POST' },
        ),
      ),
    ).toThrow(/evil\.example/);
    expect(() =>
      requirePlaygroundCaller(
        request({ host: 'localhost', 'content-type': 'text/plain' }, { method: 'POST' }),
      ),
    ).toThrow(/JSON body/);
  });
});
