import { DateTime } from 'luxon';
import { runCli } from '../../../functions/cli/main';
import type { WindowSummary } from '../../../functions/domain/summary/window-summary';

const now = DateTime.fromISO('2023-10-15T09:00:00', { zone: 'Europe/Amsterdam' });

async function cli(args: string[]): Promise<string> {
  const out: string[] = [];
  const code = await runCli(args, { out: (text) => out.push(text), err: (text) => out.push(text), now });
  expect(code).toBe(0);
  return out.join('\n');
}

describe('a budget group of one budget is said once (the example\'s "storage")', () => {
  it('in `va-assess summary --json`: the groups are those that combine budgets', async () => {
    const summary = JSON.parse(
      await cli(['summary', '--example', 'imagine-py1', '--period', 'PY1', '--json']),
    ) as WindowSummary;
    const all = [...summary.budgets, ...summary.budgetGroups];
    expect(all.filter((usage) => usage.label === 'storage')).toHaveLength(1);
    expect(summary.budgetGroups.map((group) => group.id)).toEqual(['compute']);
  });

  it('in `va-assess summary`: one storage line', async () => {
    const text = await cli(['summary', '--example', 'imagine-py1', '--period', 'PY1']);
    expect(text.split('\n').filter((line) => line.startsWith('- storage:'))).toHaveLength(1);
  });
});
