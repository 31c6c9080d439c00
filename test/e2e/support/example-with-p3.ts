import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EXAMPLE = join(__dirname, '..', '..', '..', 'examples', 'imagine-py1');

/** P3 values a partner types in the tests of completeness: IFCA CPU complete, IFCA GPU's hours refused. */
export const P3_TYPED: readonly (readonly [installationId: string, metricId: string, text: string])[] = [
  ['ifca-cpu', 'cpu-hours', '120,000'],
  ['ifca-cpu', 'countries', 'ES, PT'],
  ['ifca-cpu', 'country-count', '2'],
  ['ifca-cpu', 'users', '18'],
  ['ifca-gpu', 'gpu-hours', 'lots'],
];

/** The example's config and its metrics.csv with a P3 column holding P3_TYPED: the CLI's options. */
export function exampleWithP3Options(): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'va-assess-status-'));
  const typed = new Map(
    P3_TYPED.map(([installationId, metricId, text]) => [`${installationId},${metricId}`, text]),
  );
  const lines = readFileSync(join(EXAMPLE, 'metrics.csv'), 'utf8').trimEnd().split('\n');
  const csv = lines.map((line, index) => {
    if (index === 0) return `${line},P3`;
    const text = typed.get(line.split(',').slice(0, 2).join(',')) ?? '';
    return `${line},${text.includes(',') ? `"${text}"` : text}`;
  });
  writeFileSync(join(folder, 'metrics.csv'), `${csv.join('\n')}\n`);
  return ['--config', join(EXAMPLE, 'config.json'), '--values', join(folder, 'metrics.csv')];
}
