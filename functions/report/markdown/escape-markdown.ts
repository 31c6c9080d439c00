/**
 * Text from the config and from people goes into the Markdown report as text: what Markdown would
 * interpret is backslash-escaped (CommonMark 0.31 §2.4: any ASCII punctuation may be escaped, and the
 * escaped character is then literal; https://spec.commonmark.org/0.31.2/#backslash-escapes).
 */

/** Characters that mean something anywhere in a line: emphasis, code, links, HTML, entities, tables, strikethrough. */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~]/g;

/** A text inside a line: nothing of it is markup (the caller keeps it on one line where that matters). */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&');
}

/**
 * Escapes what starts a block when it opens a line: a heading (#), a list item (-, +, 1. or 1)), a
 * quote (>), a setext underline (= or -). Leading spaces go too: four would start a code block.
 */
function escapeLineStart(line: string): string {
  return line
    .trimStart()
    .replace(/^[#+\-=>]/, '\\$&')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** A whole line of text: inline markup and block markers at its start are literal. */
export function escapeLine(text: string): string {
  return escapeLineStart(escapeInline(text));
}

/** Link schemes a reader's click may follow; any other link keeps its text and loses its target. */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

function safeTarget(url: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url.trim())?.[1]?.toLowerCase();
  if (scheme === undefined || !SAFE_SCHEMES.has(scheme)) return undefined;
  // Inside <...> a destination may hold anything but these, which are percent-encoded instead.
  return url.trim().replace(/[<>\s\\]/g, (character) => encodeURIComponent(character));
}

const LINK = /\[([^\]\n]*)\]\(([^()\s]*)\)/g;

/**
 * A line a person wrote (an assessment): everything is text except links `[text](url)` to http,
 * https and mailto, which stay links; a link to anything else (javascript:, data:, a relative path)
 * is printed as its text alone.
 */
export function escapePersonLine(line: string): string {
  let out = '';
  let last = 0;
  for (const match of line.matchAll(LINK)) {
    const [whole, text = '', url = ''] = match;
    out += escapeInline(line.slice(last, match.index));
    const target = safeTarget(url);
    out += target === undefined ? escapeInline(text) : `[${escapeInline(text)}](<${target}>)`;
    last = match.index + whole.length;
  }
  out += escapeInline(line.slice(last));
  return escapeLineStart(out);
}
