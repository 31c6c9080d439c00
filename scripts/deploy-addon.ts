/**
 * npm run deploy:addon -- --script-id <id> --spreadsheet-id <id> --url-prefix https://api.example.org/
 * (or VA_ASSESS_SCRIPT_ID, VA_ASSESS_SPREADSHEET_ID, VA_ASSESS_URL_PREFIX in the environment)
 *
 * Builds the add-on and pushes it with clasp as the script bound to the consortium's spreadsheet
 * (scripts/bound-script.ts says why bound). `--dry-run` writes sheets-addon/.clasp.json and
 * sheets-addon/dist/ and stops: offline. The push needs the network and a clasp login
 * (`npx --yes @google/clasp@3 login`).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { boundScriptTarget, prepareBoundScript } from './bound-script';

const ADDON = join(__dirname, '..', 'sheets-addon');

const { values } = parseArgs({
  options: {
    'script-id': { type: 'string' },
    'spreadsheet-id': { type: 'string' },
    'url-prefix': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const target = boundScriptTarget(
  { scriptId: values['script-id'], spreadsheetId: values['spreadsheet-id'], urlPrefix: values['url-prefix'] },
  process.env,
);
const { files } = prepareBoundScript(target, ADDON);
console.log(`sheets-addon/: ${files.join(', ')}`);
if (values['dry-run']) {
  console.log('--dry-run: nothing pushed.');
} else {
  execFileSync('npx', ['--yes', '@google/clasp@3', 'push', '--force'], { cwd: ADDON, stdio: 'inherit' });
  console.log(
    `Pushed to script ${target.scriptId}, bound to spreadsheet ${target.spreadsheetId}: reload the spreadsheet and open Extensions.`,
  );
}
