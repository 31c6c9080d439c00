import { projectConfigSchema } from '../../../functions/domain/config/project-config-schema';
import type { Grid } from '../../../functions/domain/config/tables/cell-values';
import {
  COMMON_UNITS,
  configDropdowns,
  unitChoices,
} from '../../../functions/domain/config/tables/config-dropdowns';
import { configToGrids } from '../../../functions/domain/config/tables/config-to-grids';
import { gridsToConfig } from '../../../functions/domain/config/tables/grids-to-config';
import { exampleConfigBody } from '../../fixtures/example-config';
import { threeSiteConfig } from '../../fixtures/three-site-config';

function exampleConfig() {
  const { $schema: _schema, ...config } = projectConfigSchema.parse(exampleConfigBody());
  return config;
}

/** The cell of a grid whose header row says `header`, on the row whose `keyHeader` column holds `key`. */
function setCell(grid: Grid, header: string, keyHeader: string, key: string, value: string | number | null) {
  const column = grid[0]?.indexOf(header) ?? -1;
  const keyColumn = grid[0]?.indexOf(keyHeader) ?? -1;
  const row = grid.findIndex((cells, index) => index >= 2 && cells[keyColumn] === key);
  const cells = grid[row];
  if (column < 0 || cells === undefined) throw new Error(`no ${header} for ${key}`);
  cells[column] = value;
  return { row, column };
}

describe('configuration tabs (config-tables)', () => {
  it('reads back the example exactly as it was written', () => {
    const config = exampleConfig();
    const reading = gridsToConfig(configToGrids(config));
    expect(reading).toEqual({ ok: true, config });
  });

  it('reads back a project that is not the example, its absent report included', () => {
    const config = threeSiteConfig();
    expect(gridsToConfig(configToGrids(config))).toEqual({ ok: true, config });
  });

  it('puts a misspelt budget on its cell, naming the installation, the metric and the field', () => {
    const grids = configToGrids(threeSiteConfig());
    const cell = setCell(grids.metrics, 'Counts toward', 'Label', 'Storage used', 'storge');
    const reading = gridsToConfig(grids);
    expect(reading).toEqual({
      ok: false,
      problems: [
        {
          tab: 'metrics',
          ...cell,
          message:
            'Installation "Delft Object Store" (delft-store), metric "storage", Counts toward: unknown budget "storge"; expected one of "cpu-hours", "storage"',
        },
      ],
    });
  });

  it('puts a missing installation name on its cell', () => {
    const grids = configToGrids(threeSiteConfig());
    const cell = setCell(grids.installations, 'Name', 'Installation id', 'ocean-portal', null);
    expect(gridsToConfig(grids)).toEqual({
      ok: false,
      problems: [
        {
          tab: 'installations',
          ...cell,
          message: 'Installation ocean-portal, Name: is required (the cell is empty)',
        },
      ],
    });
  });

  it('puts three mistakes on their three cells at once: a misspelt budget, users counting toward CPU-hours, a missing name', () => {
    const grids = configToGrids(threeSiteConfig());
    const budget = setCell(grids.metrics, 'Counts toward', 'Label', 'Storage used', 'storge');
    const users = setCell(grids.metrics, 'Counts toward', 'Label', 'Users served', 'cpu-hours');
    const name = setCell(grids.installations, 'Name', 'Installation id', 'ocean-portal', null);
    const reading = gridsToConfig(grids);
    if (reading.ok) throw new Error('expected problems');
    const cells = reading.problems.map(({ tab, row, column }) => ({ tab, row, column }));
    expect(cells).toHaveLength(3);
    expect(cells).toEqual(
      expect.arrayContaining([
        { tab: 'metrics', ...budget },
        { tab: 'metrics', ...users },
        { tab: 'installations', ...name },
      ]),
    );
    const usersNote = reading.problems.find((problem) => problem.row === users.row)?.message ?? '';
    expect(usersNote).toMatch(/^Installation "Bergen HPC" \(bergen-hpc\), metric "users", Counts toward: /);
    expect(usersNote).toContain('counts toward budget "cpu-hours"');
  });

  it('says which installation id a metric row names that no installation has', () => {
    const grids = configToGrids(threeSiteConfig());
    const cell = setCell(grids.metrics, 'Installation id', 'Label', 'Portal users', 'ocean-portl');
    const reading = gridsToConfig(grids);
    if (reading.ok) throw new Error('expected problems');
    expect(reading.problems).toContainEqual({
      tab: 'metrics',
      ...cell,
      message:
        'Metric "users", Installation id: found "ocean-portl"; expected one of the ids in the Installations tab (bergen-hpc, delft-store, ocean-portal)',
    });
    // Its installation lost its only metric: that is said on the installation's own row.
    expect(reading.problems.map((problem) => problem.message)).toContain(
      'Installation "Ocean Portal" (ocean-portal), Installation id: has no metric; add its rows to the Metric definitions tab',
    );
  });

  it('finds columns by their header when a coordinator reorders them, and skips empty rows', () => {
    const config = threeSiteConfig();
    const grids = configToGrids(config);
    const reordered = grids.budgets.map((row) => [...row].reverse());
    reordered.splice(3, 0, [null, '', null, null]);
    expect(gridsToConfig({ ...grids, budgets: reordered })).toEqual({ ok: true, config });
  });

  it('reads typed numbers as text where text is expected and numeric text as numbers', () => {
    const grids = configToGrids(threeSiteConfig());
    setCell(grids.installations, 'Task', 'Installation id', 'bergen-hpc', 31);
    setCell(grids.budgets, 'Amount', 'Budget id', 'storage', ' 900 ');
    const reading = gridsToConfig(grids);
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
    expect(reading.config.installations[0]?.task).toBe('31');
    expect(reading.config.project.budgets[1]?.amount).toBe(900);
  });

  it('names a missing tab and a missing column', () => {
    const { metrics: _metrics, ...grids } = configToGrids(threeSiteConfig());
    grids.budgets[0] = ['Budget id', 'Label', 'Unit'];
    const reading = gridsToConfig(grids);
    if (reading.ok) throw new Error('expected problems');
    const messages = reading.problems.map((problem) => problem.message);
    expect(messages).toContain(
      'The Metric definitions tab is missing; expected it as "Create project..." writes it',
    );
    expect(messages.some((message) => message.startsWith('Budgets: the column "Amount" is missing'))).toBe(
      true,
    );
  });
});

describe('the unit dropdowns (config-dropdowns)', () => {
  it("offers the common units, then the project's own, each once, on the Budgets and Metric definitions unit columns", () => {
    const units = unitChoices(exampleConfig());
    expect(units).toEqual([
      'CPU-hours',
      'GPU-hours',
      'TB-month',
      'users',
      'countries',
      'AI models',
      'CPU+GPU-hours',
      'AI applications',
    ]);
    const unitColumns = configDropdowns(units)
      .filter((dropdown) => dropdown.values === units)
      .map((dropdown) => dropdown.tab);
    expect(unitColumns).toEqual(['budgets', 'metrics']);
    // A new project (no configuration yet) is offered the common ones.
    expect(unitChoices(undefined)).toEqual([...COMMON_UNITS]);
  });
});
