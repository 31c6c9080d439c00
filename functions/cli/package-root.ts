import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder holding va-assess's package.json, wherever the CLI is started from. */
export function packageRoot(from: string = __dirname): string {
  let folder = from;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${from}`);
    folder = parent;
  }
  return folder;
}
