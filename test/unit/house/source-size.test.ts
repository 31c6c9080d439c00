import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_FILE_LINES, MAX_FUNCTION_LINES, sizeOffenders } from '../../../scripts/check-source-size';

describe('the size of the source a newcomer reads', () => {
  it(`has no source file over ${MAX_FILE_LINES} lines and no function over ${MAX_FUNCTION_LINES}`, () => {
    expect(sizeOffenders()).toEqual([]);
  });

  it('names a file and a function over the limits, so the check above can fail', () => {
    const root = mkdtempSync(join(tmpdir(), 'source-size-'));
    try {
      mkdirSync(join(root, 'functions'));
      const longBody = Array.from({ length: MAX_FUNCTION_LINES + 5 }, (_, i) => `  const v${i} = ${i};`);
      const filler = Array.from({ length: MAX_FILE_LINES }, (_, i) => `export const c${i} = ${i};`);
      writeFileSync(
        join(root, 'functions', 'long.ts'),
        [`export function tooLong(): void {`, ...longBody, '}', ...filler, ''].join('\n'),
      );
      const offenders = sizeOffenders(root);
      expect(offenders).toEqual([
        expect.stringMatching(/^functions\/long\.ts: \d+ lines \(limit 400\)$/),
        expect.stringMatching(/^functions\/long\.ts:1 function tooLong: 107 lines \(limit 100\)$/),
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
