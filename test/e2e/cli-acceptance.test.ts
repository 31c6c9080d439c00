import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WindowSummary } from '../../functions/domain/summary/window-summary';
import { runVaAssess } from './run-cli';
import type { DraftsJson } from './support/cli-json';

describe('va-assess on the D4.2 example', () => {
  it('summarises PY1 with the totals and budget shares of the executive summary', () => {
    const run = runVaAssess(['summary', '--example', 'imagine-py1', '--period', 'PY1']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('662,547 CPU-hours');
    expect(run.stdout).toContain('14,400 GPU-hours');
    expect(run.stdout).toContain('33.4 TB-month');
    expect(run.stdout).toMatch(/CPU and GPU-hours[^\n]*89% still available/);
    expect(run.stdout).toMatch(/storage[^\n]*98% still available/);
  });

  it('prints the same summary as JSON a machine can read', () => {
    const run = runVaAssess(['summary', '--example', 'imagine-py1', '--period', 'PY1', '--json']);
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout) as WindowSummary;
    expect(parsed.window.id).toBe('PY1');
    expect(run.stdout).toContain('662547');
  });

  it('lists every real problem of the seed with where it sits; SP in a baseline is a config problem: exit 3', () => {
    const run = runVaAssess(['validate', '--example', 'imagine-py1']);
    expect(run.status).toBe(3);
    const [config = '', data = ''] = run.stdout.split(/^Data: values of metrics\.csv$/m);
    expect(config).toMatch(/^Configuration: baselines$/m);
    expect(config).toMatch(/^ERROR .*"SP"/m);
    expect(config).toContain('1 rejected baseline(s)');
    expect(data).not.toMatch(/^ERROR/m);
    expect(data).toContain('0 rejected value(s) (left out of summaries)');
    const lines = run.stdout.split('\n');
    const lineWith = (pattern: RegExp) => lines.filter((line) => pattern.test(line));
    expect(lineWith(/^ERROR .*AI Application Development Service.*"SP".*ES/)).toHaveLength(1);
    expect(lineWith(/^WARNING .*IFCA-CSIC.*"GE".*DE/).length).toBeGreaterThanOrEqual(3);
    expect(lineWith(/^NOTE .*"UK".*GB/).length).toBeGreaterThanOrEqual(4);
    // WaltonCloud's "0" country lists: baseline and both periods, for CPU and storage.
    expect(lineWith(/^WARNING .*WaltonCloud – CPU.*"0"/).length).toBeGreaterThanOrEqual(3);
    expect(run.stdout).toMatch(/metrics\.csv![A-Z]+\d+/);
  });

  it('exits 1 when the data holds a rejected value, whatever the config holds', () => {
    const folder = mkdtempSync(join(tmpdir(), 'va-assess-'));
    const example = join(__dirname, '..', '..', 'examples', 'imagine-py1');
    const values = readFileSync(join(example, 'metrics.csv'), 'utf8').replace('94,656', 'lots');
    writeFileSync(join(folder, 'metrics.csv'), values);
    const run = runVaAssess([
      'validate',
      '--config',
      join(example, 'config.json'),
      '--values',
      join(folder, 'metrics.csv'),
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^Data: values of metrics\.csv$[\s\S]*^ERROR .*"lots"/m);
    expect(run.stdout).toContain('1 rejected value(s) (left out of summaries)');
  });

  it('drafts one assessment per installation for P2, following the numbers', () => {
    const run = runVaAssess(['drafts', '--example', 'imagine-py1', '--period', 'P2', '--json']);
    expect(run.status).toBe(0);
    const drafts = JSON.parse(run.stdout) as DraftsJson;
    expect(drafts.drafts).toHaveLength(11);
    const textOf = (id: string) => drafts.drafts.find((draft) => draft.installationId === id)?.text ?? '';
    for (const unused of ['walton-cpu', 'walton-storage', 'tr-fc1-ulakbim']) {
      expect(textOf(unused)).toMatch(/not used/);
    }
    expect(textOf('ifca-cpu')).toMatch(/grew/);
    expect(textOf('ifca-cpu')).toContain('393,888');
  });

  it('prints drafts as text with a heading per installation', () => {
    const run = runVaAssess(['drafts', '--example', 'imagine-py1', '--period', 'P2']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('WaltonCloud – CPU');
    expect(run.stdout).toContain('TR-FC1-ULAKBIM');
  });
});

describe('va-assess command line errors', () => {
  it.each([
    { args: [], expected: /Usage: va-assess <command>/ },
    { args: ['frobnicate'], expected: /Unknown command "frobnicate"/ },
    { args: ['summary', '--example', 'imagine-py1'], expected: /Missing --period/ },
    { args: ['summary', '--example', 'imagine-py1', '--period', 'P9'], expected: /P1 and P6/ },
    {
      args: ['summary', '--example', 'nope', '--period', 'P1'],
      expected: /Unknown example "nope".*imagine-py1/,
    },
    { args: ['validate', '--example', 'imagine-py1', '--colour'], expected: /Unknown option '--colour'/ },
    { args: ['validate'], expected: /--example NAME/ },
  ])('exits 2 with a clear message for $args', ({ args, expected }) => {
    const run = runVaAssess(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.each(['validate', 'summary', 'drafts', 'rules'])('%s --help explains the command', (command) => {
    const run = runVaAssess([command, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`va-assess ${command}`);
  });

  it('validate --help gives the exit codes the README gives', () => {
    const run = runVaAssess(['validate', '--help']);
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const code of ['0', '1', '2', '3']) expect(run.stdout).toMatch(new RegExp(`^  ${code}  \\S`, 'm'));
    const sentence = readme.replace(/\s+/g, ' ');
    expect(sentence).toContain('Exit codes: 0 fine, 1 the data holds rejected values');
    expect(sentence).toContain('2 the command could not run');
    expect(sentence).toContain('3 only the configuration holds a rejected baseline');
  });

  it('names the file and the field of a broken configuration', () => {
    const folder = mkdtempSync(join(tmpdir(), 'va-assess-'));
    const configPath = join(folder, 'config.json');
    const valuesPath = join(folder, 'metrics.csv');
    writeFileSync(configPath, JSON.stringify({ project: { id: 'x' }, installations: [] }));
    writeFileSync(valuesPath, 'installation,metric,P1\n');
    const run = runVaAssess(['validate', '--config', configPath, '--values', valuesPath]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('project, field startDate: missing; expected a text');
    expect(run.stderr).toContain('installations');
  });

  it('names the installation and metric of a configuration problem, not only its index', () => {
    const folder = mkdtempSync(join(tmpdir(), 'va-assess-'));
    const configPath = join(folder, 'config.json');
    const example = join(__dirname, '..', '..', 'examples', 'imagine-py1');
    const config = JSON.parse(readFileSync(join(example, 'config.json'), 'utf8'));
    config.installations[2].metrics[3].countsToward = 'cpu-hours';
    writeFileSync(configPath, JSON.stringify(config));
    const run = runVaAssess(['validate', '--config', configPath, '--values', join(example, 'metrics.csv')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'installation IFCA-CSIC Scientific Cloud – CPU (installations[2]), metric users (metrics[3]), field countsToward: a users metric counts toward budget "cpu-hours"',
    );
  });

  it('says a file is missing rather than crashing', () => {
    const run = runVaAssess([
      'validate',
      '--config',
      '/nonexistent/config.json',
      '--values',
      '/nonexistent/m.csv',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('/nonexistent/config.json: file not found');
  });

  it('reports invalid JSON with the file name', () => {
    const folder = mkdtempSync(join(tmpdir(), 'va-assess-'));
    const configPath = join(folder, 'config.json');
    writeFileSync(configPath, '{ "project": ');
    writeFileSync(join(folder, 'm.csv'), '');
    const run = runVaAssess(['validate', '--config', configPath, '--values', join(folder, 'm.csv')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/config\.json: not valid JSON/);
  });
});
