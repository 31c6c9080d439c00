import type { CurrentEntryView } from '../../../functions/contract/contract';
import { planReconcile, sameRaw } from '../../../sheets-addon/core/reconcile';
import type { ValueCell } from '../../../sheets-addon/core/value-grid';

function cell(metricId: string, raw: ValueCell['submission']['raw']): ValueCell {
  return {
    row: 1,
    column: 1,
    a1: 'Metrics!A1',
    submission: { installationId: 'ifca-cpu', metricId, periodId: 'P1', raw },
  };
}

function stored(metricId: string, raw: CurrentEntryView['raw']): CurrentEntryView {
  return {
    installationId: 'ifca-cpu',
    metricId,
    periodId: 'P1',
    raw,
    status: 'accepted',
    normalized: String(raw),
    version: 1,
    message: '',
  };
}

describe('reconciling the sheet with the stored values', () => {
  it('sends what differs or was never stored, keeps what matches, ignores blanks never stored', () => {
    const plan = planReconcile(
      [
        cell('cpu-hours', 94656),
        cell('users', 12),
        cell('countries', 'ES'),
        cell('country-count', null),
        cell('gpu-hours', null),
      ],
      [stored('cpu-hours', '94656'), stored('users', 11), stored('gpu-hours', 5)],
    );
    expect(plan.toSend.map((item) => item.submission.metricId)).toEqual(['users', 'countries', 'gpu-hours']);
    expect(plan.unchanged.map((item) => item.cell.submission.metricId)).toEqual(['cpu-hours']);
  });

  it('does not resend a value whose latest submission was rejected: it is answered from the stored outcome', () => {
    const latest = {
      raw: 'FR, SP',
      status: 'rejected' as const,
      message: '"SP" is not a country code.',
      issues: [],
      version: 2,
      submittedAt: '2023-03-10T09:00:00.000Z',
    };
    const plan = planReconcile(
      [
        cell('countries', ' FR, SP '),
        cell('cpu-hours', 'abc'),
        cell('users', 'twelve'),
        cell('gpu-hours', 7),
      ],
      [
        { ...stored('countries', 'ES'), latest },
        { ...stored('gpu-hours', 5), latest },
      ],
      [
        {
          installationId: 'ifca-cpu',
          metricId: 'cpu-hours',
          periodId: 'P1',
          latest: { ...latest, raw: 'abc' },
        },
        { installationId: 'ifca-cpu', metricId: 'users', periodId: 'P1', latest: { ...latest, raw: 'ten' } },
      ],
    );
    expect(plan.answered.map((item) => [item.cell.submission.metricId, item.latest.raw])).toEqual([
      ['countries', 'FR, SP'],
      ['cpu-hours', 'abc'],
    ]);
    // Typed again since it was refused, or typed anew: sent.
    expect(plan.toSend.map((item) => item.submission.metricId)).toEqual(['users', 'gpu-hours']);
    expect(plan.unchanged).toEqual([]);
  });

  it('treats a number and the same text, and blank and null, as the same entry', () => {
    expect(sameRaw(5, '5')).toBe(true);
    expect(sameRaw(null, '')).toBe(true);
    expect(sameRaw('5,0', 5)).toBe(false);
  });
});
