import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..', '..');
const ADDON_CONTRACT = 'functions/shared/addon-contract.ts';

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file imports or re-exports, multi-line and type-only imports included, as the compiler reads them. */
function importsOf(path: string): string[] {
  return ts.preProcessFile(readFileSync(path, 'utf8'), true, true).importedFiles.map((file) => file.fileName);
}

/** A relative import as a path from the repository root ("functions/contract/contract"), others as written. */
function target(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return relative(ROOT, resolve(dirname(from), specifier))
    .split(sep)
    .join('/');
}

function violations(files: readonly string[], refused: (imported: string) => boolean): string[] {
  return files.flatMap((path) =>
    importsOf(path)
      .map((specifier) => target(path, specifier))
      .filter(refused)
      .map((imported) => `${relative(ROOT, path)} imports ${imported}`),
  );
}

const isAddonContract = (imported: string) => `${imported.replace(/\.ts$/, '')}.ts` === ADDON_CONTRACT;

describe('module boundaries (issue 20)', () => {
  it('lets the add-on import the backend only through the shared add-on contract', () => {
    const refused = violations(
      typeScriptFiles(join(ROOT, 'sheets-addon')),
      (imported) => imported.startsWith('functions/') && !isAddonContract(imported),
    );
    expect(refused).toEqual([]);
  });

  it('lets no deployed file (functions/) import a local stand-in (local/)', () => {
    const refused = violations(
      typeScriptFiles(join(ROOT, 'functions')),
      (imported) => imported === 'local' || imported.startsWith('local/'),
    );
    expect(refused).toEqual([]);
  });

  it('lets no layer below the API import it: the wire contract and the Submitter live below their users', () => {
    const below = ['contract', 'domain', 'use-cases', 'sheets', 'storage', 'report', 'commons', 'shared'];
    const refused = violations(
      below.flatMap((folder) => typeScriptFiles(join(ROOT, 'functions', folder))),
      (imported) => imported.startsWith('functions/api/') || imported.startsWith('functions/cli/'),
    );
    expect(refused).toEqual([]);
  });

  it('keeps the wire contract on the domain alone', () => {
    const refused = violations(
      typeScriptFiles(join(ROOT, 'functions', 'contract')),
      (imported) =>
        imported.startsWith('functions/') &&
        !imported.startsWith('functions/contract/') &&
        !imported.startsWith('functions/domain/'),
    );
    expect(refused).toEqual([]);
  });

  it('keeps the shared add-on contract free of Node modules, so that it runs in Apps Script', () => {
    const nodeModules = importsOf(join(ROOT, ADDON_CONTRACT)).filter(
      (specifier) => specifier.startsWith('node:') || !specifier.startsWith('.'),
    );
    expect(nodeModules).toEqual([]);
  });
});
