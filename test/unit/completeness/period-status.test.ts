import { DateTime } from 'luxon';
import { parseWindow } from '../../../functions/domain/calendar/reporting-window';
import { buildPeriodStatus } from '../../../functions/domain/completeness/build-period-status';
import type { CellRecord, CellState } from '../../../functions/domain/completeness/cell-record';
import { prepareReminders } from '../../../functions/domain/completeness/reminders';
import { imagineConfig } from '../../fixtures/imagine-values';

const config = imagineConfig();
const P3 = parseWindow(config.project, 'P3');
// P3 is M13–M18 of a project started 2022-09-01: it ended on 2024-02-29.
const afterP3 = DateTime.fromISO('2024-03-10T09:00:00Z');

function cell(
  installationId: string,
  metricId: string,
  state: CellState,
  extra: Partial<CellRecord> = {},
): CellRecord {
  return {
    installationId,
    metricId,
    periodId: 'P3',
    state,
    reasons: state === 'rejected' ? ['"12 h" is not a number of hours.'] : [],
    editor: null,
    editedAt: null,
    ...extra,
  };
}

const metricsOf = (installationId: string) =>
  config.installations.find((installation) => installation.id === installationId)?.metrics.map((m) => m.id) ??
  [];

/** IFCA CPU complete; IFCA GPU with one warning and one refused value; everything else empty. */
function someCells(): CellRecord[] {
  const [gpuHours, ...gpuRest] = metricsOf('ifca-gpu');
  return [
    ...metricsOf('ifca-cpu').map((metricId, index) =>
      cell('ifca-cpu', metricId, 'accepted', {
        editor: 'partner@ifca.example.org',
        editedAt: `2024-03-0${index + 1}T10:00:00.000Z`,
      }),
    ),
    cell('ifca-gpu', gpuHours ?? '', 'rejected', { editedAt: '2024-03-05T08:00:00.000Z' }),
    cell('ifca-gpu', gpuRest[0] ?? '', 'warning'),
    cell('ifca-gpu', gpuRest[1] ?? '', 'accepted'),
  ];
}

describe('buildPeriodStatus: who still owes what for P3', () => {
  const status = buildPeriodStatus(config, P3, someCells(), afterP3);

  it('counts every installation x metric cell of the window, by what it shows', () => {
    expect(status.expected).toBe(45);
    expect({ accepted: status.accepted, warnings: status.warnings, rejected: status.rejected }).toEqual({
      accepted: 5,
      warnings: 1,
      rejected: 1,
    });
    expect(status.filled).toBe(7);
    expect(status.empty).toBe(38);
    expect(status.percentComplete).toBeCloseTo((6 / 45) * 100);
  });

  it('puts the worst installations first and the complete one last', () => {
    const order = status.installations.map((installation) => installation.installationId);
    expect(order[order.length - 1]).toBe('ifca-cpu');
    expect(order[order.length - 2]).toBe('ifca-gpu');
    // Equally empty installations keep the configuration's order.
    expect(order.slice(0, 3)).toEqual(['ai-development', 'ai-as-a-service', 'ifca-storage']);
  });

  it('lists the owed cells with their editors, the reason a value was refused, and whether they are overdue', () => {
    const gpu = status.installations.find((installation) => installation.installationId === 'ifca-gpu');
    expect(gpu?.owed.map((owed) => [owed.metricId, owed.state])).toEqual([
      [metricsOf('ifca-gpu')[0], 'rejected'],
      [metricsOf('ifca-gpu')[3], 'empty'],
    ]);
    expect(gpu?.owed[0]).toMatchObject({
      editors: ['partner@ifca.example.org'],
      reason: '"12 h" is not a number of hours.',
      due: true,
      periodLabel: 'M13–M18',
    });
    expect(gpu?.lastEdit).toEqual({ editor: null, at: '2024-03-05T08:00:00.000Z' });
  });

  it('names the last edit and says nobody confirmed while no confirmation is recorded', () => {
    const cpu = status.installations.find((installation) => installation.installationId === 'ifca-cpu');
    expect(cpu).toMatchObject({ percentComplete: 100, owed: [], confirmation: { status: 'not-confirmed' } });
    expect(cpu?.lastEdit).toEqual({ editor: 'partner@ifca.example.org', at: '2024-03-04T10:00:00.000Z' });
  });

  it('passes a confirmation source through', () => {
    const confirmed = buildPeriodStatus(config, P3, someCells(), afterP3, (id) =>
      id === 'ifca-cpu'
        ? { status: 'confirmed', by: 'partner@ifca.example.org', at: '2024-03-06T00:00:00Z' }
        : { status: 'not-confirmed' },
    );
    expect(confirmed.installations.find((i) => i.installationId === 'ifca-cpu')?.confirmation.status).toBe(
      'confirmed',
    );
  });

  it('sums what each editor owes across their installations, most owed first', () => {
    const ifca = status.byEditor.find((debt) => debt.editor === 'partner@ifca.example.org');
    expect(ifca).toEqual({
      editor: 'partner@ifca.example.org',
      installationIds: ['ifca-gpu', 'ifca-storage'],
      owed: 6,
    });
    // INCD's three installations owe 12 cells: more than anyone else.
    expect(status.byEditor[0]).toEqual({
      editor: 'partner@incd.example.org',
      installationIds: ['incd-cpu', 'incd-gpu', 'incd-storage'],
      owed: 12,
    });
  });

  it('counts a project year over both of its periods', () => {
    const py2 = buildPeriodStatus(config, parseWindow(config.project, 'PY2'), someCells(), afterP3);
    expect(py2.expected).toBe(90);
    expect(
      py2.installations[0]?.owed.filter((owed) => owed.periodId === 'P4').every((owed) => !owed.due),
    ).toBe(true);
  });
});

describe('prepareReminders', () => {
  const status = buildPeriodStatus(config, P3, someCells(), afterP3);
  const messages = prepareReminders(status, { deadline: '15 March 2024', projectName: 'iMagine' });

  it('writes to exactly the editors who owe cells, once each', () => {
    expect(messages.map((message) => message.to).sort()).toEqual([
      'partner@ifca.example.org',
      'partner@incd.example.org',
      'partner@platform.example.org',
      'partner@ulakbim.example.org',
      'partner@walton.example.org',
    ]);
  });

  it('lists each owed cell of their installations with the reason and the deadline, and nothing complete', () => {
    const ifca = messages.find((message) => message.to === 'partner@ifca.example.org');
    expect(ifca?.cells).toBe(6);
    // Worst first, as on the Status tab.
    expect(ifca?.installationIds).toEqual(['ifca-storage', 'ifca-gpu']);
    expect(ifca?.body).toContain('refused. "12 h" is not a number of hours.');
    expect(ifca?.body).toContain('by 15 March 2024');
    expect(ifca?.body).not.toContain('IFCA-CSIC Scientific Cloud – CPU');
    expect(ifca?.subject).toBe('iMagine: 6 values still needed for P3 (M13–M18) by 15 March 2024');
  });

  it('sends nothing when nothing is owed', () => {
    const all = config.installations.flatMap((installation) =>
      installation.metrics.map((metric) => cell(installation.id, metric.id, 'accepted')),
    );
    expect(
      prepareReminders(buildPeriodStatus(config, P3, all, afterP3), { deadline: 'x', projectName: 'p' }),
    ).toEqual([]);
  });
});
