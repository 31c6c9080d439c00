/**
 * npm run deploy:addon -- --target dev|prod --url-prefix https://api.example.org/
 * Builds sheets-addon/dist and pushes it with clasp to the script named in .clasp.<target>.json.
 * Needs the network and a clasp login (`npx @google/clasp@3 login`): it cannot run offline.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAddon } from './build-addon';

const ADDON = join(__dirname, '..', 'sheets-addon');

const { values } = parseArgs({
  options: { target: { type: 'string', default: 'dev' }, 'url-prefix': { type: 'string' } },
});
const target = values.target ?? 'dev';
if (target !== 'dev' && target !== 'prod') {
  throw new Error(`--target: found "${target}", expected dev or prod`);
}
const claspFile = join(ADDON, `.clasp.${target}.json`);
const { scriptId } = JSON.parse(readFileSync(claspFile, 'utf8')) as { scriptId: string };
if (scriptId.startsWith('REPLACE-')) {
  throw new Error(
    `${claspFile}: scriptId is still the placeholder; put the ${target} script's id there (never commit it)`,
  );
}
if (values['url-prefix'] === undefined) {
  throw new Error(
    '--url-prefix: expected the backend prefix UrlFetchApp may call, e.g. https://api.example.org/',
  );
}
buildAddon({ urlPrefix: values['url-prefix'] });
copyFileSync(claspFile, join(ADDON, '.clasp.json'));
execFileSync('npx', ['--yes', '@google/clasp@3', 'push', '--force'], { cwd: ADDON, stdio: 'inherit' });
