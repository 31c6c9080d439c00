/**
 * Issue 20's size limits: no source file over 400 lines, no function over 100. Prints every
 * offender and exits 1 when there is one. Functions are found with the TypeScript compiler's own
 * parser (declarations, methods, accessors, constructors, arrow functions, function expressions),
 * measured from their first line to their last. Run: npx tsx scripts/check-source-size.ts
 * test/unit/house/source-size.test.ts holds the repository to it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..');
export const SOURCE_FOLDERS = ['functions', 'local', 'sheets-addon', 'scripts', 'infra'];
export const MAX_FILE_LINES = 400;
export const MAX_FUNCTION_LINES = 100;

function typeScriptFiles(folder: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : typeScriptFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function lineCount(text: string): number {
  const lines = text.split('\n');
  return lines.at(-1) === '' ? lines.length - 1 : lines.length;
}

function functionName(node: ts.Node, source: ts.SourceFile): string {
  const named = node as { name?: ts.Node };
  if (named.name !== undefined) return named.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText(source);
  return '(anonymous)';
}

function longFunctions(root: string, path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as { body?: ts.Node }).body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > MAX_FUNCTION_LINES)
        found.push(
          `${relative(root, path)}:${first + 1} function ${functionName(node, source)}: ${lines} lines (limit ${MAX_FUNCTION_LINES})`,
        );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every file over MAX_FILE_LINES and every function over MAX_FUNCTION_LINES, one line each. */
export function sizeOffenders(root = ROOT): string[] {
  return SOURCE_FOLDERS.flatMap((folder) => typeScriptFiles(join(root, folder)))
    .sort()
    .flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      const lines = lineCount(text);
      return [
        ...(lines > MAX_FILE_LINES
          ? [`${relative(root, path)}: ${lines} lines (limit ${MAX_FILE_LINES})`]
          : []),
        ...longFunctions(root, path, text),
      ];
    });
}

if (require.main === module) {
  const offenders = sizeOffenders();
  for (const offender of offenders) console.log(offender);
  console.log(
    offenders.length === 0 ? 'No file or function over the limits.' : `${offenders.length} over the limits.`,
  );
  process.exitCode = offenders.length === 0 ? 0 : 1;
}
