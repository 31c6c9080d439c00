import { type Browser, chromium, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, with nothing that reaches the network on its own (updates, sync,
 * first-run pages): tests only see the pages they open.
 */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The one way tests start a browser; the caller closes it. `extraFlags`: a test's own, e.g.
 * `--host-resolver-rules=MAP evil.example 127.0.0.1` to open a page by another name.
 */
export function launchChromium(extraFlags: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_FLAGS, ...extraFlags] });
}

/** The page's figures as the reader's browser drew them: loaded, with a width, with alt text. */
export function figureImages(page: Page): Promise<{ complete: boolean; width: number; alt: string }[]> {
  return page.$$eval('figure img', (nodes) =>
    nodes.map((node) => {
      const image = node as unknown as { complete: boolean; naturalWidth: number; alt: string };
      return { complete: image.complete, width: image.naturalWidth, alt: image.alt };
    }),
  );
}
