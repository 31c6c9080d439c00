import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { enumOf, type GoogleLike, type ScriptContext, strict } from './script-context';

const escapeHtml = (value: unknown): string =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export const htmlFile = (ctx: ScriptContext, name: string): string => {
  const file = join(ctx.services.distDir, name.endsWith('.html') ? name : `${name}.html`);
  if (!existsSync(file)) throw ctx.fail(`No HTML file named ${name} was found.`);
  return readFileSync(file, 'utf8');
};

export type HtmlOutputLike = GoogleLike & {
  getTitle(): string;
  getContent(): string;
  getWidth(): number;
  getHeight(): number;
};
export const htmlOutput = (ctx: ScriptContext, initial: string): HtmlOutputLike => {
  let content = initial;
  let title = '';
  let width = 300;
  let height = 600;
  const self = strict(ctx.services, 'HtmlOutput', {
    getContent: () => content,
    setContent: (html: string) => {
      content = String(html);
      return self;
    },
    append: (html: string) => {
      content += String(html);
      return self;
    },
    appendUntrusted: (text: string) => {
      content += escapeHtml(text);
      return self;
    },
    getTitle: () => title,
    setTitle: (text: string) => {
      title = String(text);
      return self;
    },
    getWidth: () => width,
    setWidth: (pixels: number) => {
      width = Number(pixels);
      return self;
    },
    getHeight: () => height,
    setHeight: (pixels: number) => {
      height = Number(pixels);
      return self;
    },
    setSandboxMode: () => self,
    setXFrameOptionsMode: () => self,
    addMetaTag: () => self,
    toString: () => 'HtmlOutput',
  }) as HtmlOutputLike;
  return self;
};

/** Scriptlets: <?= escaped ?>, <?!= raw ?>, <? code ?>, evaluated in the execution's own context. */
export const htmlTemplate = (ctx: ScriptContext, source: string) => {
  const data: Record<string, unknown> = {};
  const template = strict(ctx.services, 'HtmlTemplate', {
    evaluate: () => {
      let code = "var __out = '';\n";
      const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
      let last = 0;
      for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
        code += `__out += ${JSON.stringify(source.slice(last, match.index))};\n`;
        const body = match[2] ?? '';
        if (match[1] === '=') code += `__out += __escape(${body});\n`;
        else if (match[1] === '!=') code += `__out += String(${body});\n`;
        else code += `${body}\n`;
        last = pattern.lastIndex;
      }
      code += `__out += ${JSON.stringify(source.slice(last))};\nreturn __out;`;
      const render = ctx.services.evaluateInContext(
        `(function (__data, __escape) { with (__data) { ${code} } })`,
      ) as (values: Record<string, unknown>, toHtml: (value: unknown) => string) => string;
      return htmlOutput(ctx, render(data, escapeHtml));
    },
    getRawContent: () => source,
  });
  return new Proxy(template, {
    set(_target, property, value) {
      data[String(property)] = value;
      return true;
    },
  });
};

/** HtmlService: outputs and templates from the add-on's built .html files. */
export const HtmlService = (ctx: ScriptContext) =>
  strict(ctx.services, 'HtmlService', {
    createHtmlOutput: (html?: string) => htmlOutput(ctx, html === undefined ? '' : String(html)),
    createHtmlOutputFromFile: (name: string) => htmlOutput(ctx, htmlFile(ctx, String(name))),
    createTemplate: (html: string) => htmlTemplate(ctx, String(html)),
    createTemplateFromFile: (name: string) => htmlTemplate(ctx, htmlFile(ctx, String(name))),
    SandboxMode: enumOf('EMULATED', 'IFRAME', 'NATIVE'),
    XFrameOptionsMode: enumOf('ALLOWALL', 'DEFAULT'),
  });
