import type { Browser, Page } from 'playwright-core';

/** Runs a server function of the add-on as the person whose page it is; rejects as the execution failed. */
export type ServerRun = (fnName: string, args: unknown[]) => Promise<unknown>;

/**
 * google.script.run as HtmlService defines it in a page (before any page code runs), each call
 * forwarded over a playwright binding to `run`: the page talks to the add-on in the sandbox as it
 * would to Apps Script, success and failure handlers included.
 */
const BRIDGE = `
  (function () {
    function runner(success, failure) {
      return new Proxy({}, {
        get: function (_, name) {
          if (name === 'withSuccessHandler') return function (handler) { return runner(handler, failure); };
          if (name === 'withFailureHandler') return function (handler) { return runner(success, handler); };
          return function () {
            var args = Array.prototype.slice.call(arguments);
            window.__appsScriptRun(String(name), args).then(function (answer) {
              if (answer.ok) { if (success) success(answer.value); }
              else if (failure) failure(new Error(answer.message));
            });
          };
        },
      });
    }
    window.google = { script: { run: runner(null, null) } };
  })();`;

/** Opens `html` (what HtmlService served) in a page of `width` px, its google.script.run reaching `run`. */
export async function openServedPage(
  browser: Browser,
  html: string,
  run: ServerRun,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.exposeBinding('__appsScriptRun', async (_source, fnName: string, args: unknown[]) => {
    try {
      return { ok: true, value: await run(fnName, args) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  });
  const page = await context.newPage();
  await page.setContent(html.replace('<head>', `<head><script>${BRIDGE}</script>`));
  return page;
}
