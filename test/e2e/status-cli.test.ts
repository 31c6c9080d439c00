import type { PeriodStatus } from '../../functions/domain/completeness/period-status';
import { runVaAssess } from './run-cli';
import { exampleWithP3Options } from './support/example-with-p3';

describe('va-assess status', () => {
  it('on the example with P3 opened, names every installation as owing all its cells', () => {
    const run = runVaAssess(['status', '--example', 'imagine-py1', '--period', 'P3', '--now', '2024-03-10']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('P3 (M13–M18): 0 of 45 values in (0%); 45 empty, 0 rejected');
    expect(run.stdout).toMatch(
      /^IFCA-CSIC Scientific Cloud – CPU +T4\.3 +0% +4 +0 +0 +0 +4 +partner@ifca\.example\.org/m,
    );
    expect(run.stdout).toContain('Still owed (45):');
  });

  it('puts the worst installations first, the complete one last, and gives why a value was refused', () => {
    const run = runVaAssess(['status', ...exampleWithP3Options(), '--period', 'P3', '--now', '2024-03-10']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('4 of 45 values in (9%); 40 empty, 1 rejected');
    const rows = run.stdout
      .split('\n')
      .filter((line) => /^(iMagine|IFCA|INCD|TR-FC1|WaltonCloud)/.test(line));
    const installationRows = rows.slice(0, 11);
    expect(installationRows[10]).toMatch(/^IFCA-CSIC Scientific Cloud – CPU +T4\.3 +100% +4 +4 /);
    expect(installationRows[0]).toMatch(/^iMagine – AI Application Development Service +T4\.1 +0% +5 /);
    expect(installationRows).toContainEqual(
      expect.stringMatching(/^IFCA-CSIC Scientific Cloud – GPU +T4\.3 +0% +4 +0 +0 +1 +3 /),
    );
    expect(run.stdout).toMatch(/IFCA-CSIC Scientific Cloud – GPU .*P3 \(M13–M18\) +rejected +.*"lots"/);
    expect(run.stdout).not.toMatch(/IFCA-CSIC Scientific Cloud – CPU .*P3 \(M13–M18\) +empty/);
  });

  it('prints the same status as JSON', () => {
    const run = runVaAssess([
      'status',
      ...exampleWithP3Options(),
      '--period',
      'P3',
      '--json',
      '--now',
      '2024-03-10',
    ]);
    expect(run.status).toBe(0);
    const status = JSON.parse(run.stdout) as PeriodStatus;
    expect(status.window.id).toBe('P3');
    expect(status.installations.at(-1)).toMatchObject({
      installationId: 'ifca-cpu',
      percentComplete: 100,
      owed: [],
    });
    const gpu = status.installations.find((installation) => installation.installationId === 'ifca-gpu');
    expect(gpu?.owed[0]).toMatchObject({
      metricId: 'gpu-hours',
      state: 'rejected',
      editors: ['partner@ifca.example.org'],
    });
  });

  it('refuses a window outside the project by name', () => {
    const run = runVaAssess(['status', '--example', 'imagine-py1', '--period', 'P9']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('P9');
  });
});
