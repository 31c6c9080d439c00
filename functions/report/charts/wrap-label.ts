/** Words, a lone dash joined to the word before it: a wrapped line may end with "–", never start with it. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const part of text.split(/\s+/).filter((item) => item !== '')) {
    const last = words.length - 1;
    if (/^[-–—]$/.test(part) && last >= 0) words[last] = `${words[last]} ${part}`;
    else words.push(part);
  }
  return words;
}

/**
 * Breaks a name into lines of at most `lineChars` characters at spaces; a single word longer than that
 * keeps its own line whole rather than being cut, so no installation name ever loses letters.
 */
export function wrapLabel(text: string, lineChars: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of wordsOf(text)) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length <= lineChars || current === '') {
      current = candidate;
    } else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  return lines.length === 0 ? [''] : lines;
}
