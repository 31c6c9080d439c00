import {
  type CellForConfirmation,
  checkJustifications,
  confirmationPlan,
} from '../../../functions/domain/confirmations/confirmable-cells';
import type { Confirmation } from '../../../functions/domain/confirmations/confirmation';
import { confirmationSentence } from '../../../functions/domain/confirmations/confirmation-sentence';
import {
  confirmationState,
  latestConfirmations,
} from '../../../functions/domain/confirmations/confirmation-state';
import { windowConfirmationLookup } from '../../../functions/domain/confirmations/window-confirmation';
import { confirmationLines } from '../../../functions/domain/report/confirmation-lines';
import type { ValidationIssue } from '../../../functions/domain/validation/validation-outcome';
import { imagineConfig } from '../../fixtures/imagine-values';

const ifcaCpu = imagineConfig().installations.find((item) => item.id === 'ifca-cpu');
if (ifcaCpu === undefined) throw new Error('the example has no ifca-cpu');

const duplicate: ValidationIssue = {
  ruleId: 'duplicate-country',
  severity: 'warning',
  message: 'Spain is listed twice',
  found: 'ES, ES',
  expected: 'each country once',
};

function filled(metricId: string, version: number, issues: ValidationIssue[] = []): CellForConfirmation {
  return {
    metricId,
    current: {
      version,
      status: issues.length === 0 ? 'accepted' : 'warning',
      normalized: `${metricId}-value`,
      issues,
      hasValue: true,
    },
    latestRejected: null,
    submissions: version,
  };
}

const allFilled = [
  filled('cpu-hours', 2),
  filled('countries', 1, [duplicate]),
  filled('country-count', 1),
  filled('users', 3),
];

describe('confirmationPlan', () => {
  it('covers every metric at its version and lists the open warnings', () => {
    const plan = confirmationPlan(ifcaCpu, 'P3', allFilled);
    expect(plan.blocking).toEqual([]);
    expect(plan.covered.map((cell) => [cell.metricId, cell.version])).toEqual([
      ['cpu-hours', 2],
      ['countries', 1],
      ['country-count', 1],
      ['users', 3],
    ]);
    expect(plan.warnings.map((warning) => [warning.metricId, warning.ruleIds])).toEqual([
      ['countries', ['duplicate-country']],
    ]);
  });

  it('is blocked by an empty cell, a cleared one and a rejected newer input, each named', () => {
    const users = filled('users', 4);
    const cleared: CellForConfirmation = {
      ...users,
      current: users.current === null ? null : { ...users.current, hasValue: false },
    };
    const rejected: CellForConfirmation = {
      ...filled('cpu-hours', 2),
      latestRejected: {
        version: 3,
        issues: [{ ...duplicate, severity: 'error', message: '"lots" is not a number' }],
      },
      submissions: 3,
    };
    const plan = confirmationPlan(ifcaCpu, 'P3', [rejected, filled('countries', 1), cleared]);
    expect(plan.blocking.map((cell) => [cell.metricId, cell.reason])).toEqual([
      ['cpu-hours', 'rejected'],
      ['country-count', 'empty'],
      ['users', 'empty'],
    ]);
    expect(plan.blocking[0]?.message).toContain('"lots" is not a number');
    expect(plan.blocking[1]?.message).toContain('IFCA-CSIC Scientific Cloud – CPU');
  });
});

describe('checkJustifications', () => {
  const plan = confirmationPlan(ifcaCpu, 'P3', allFilled);

  it('needs one line per open warning and keeps it trimmed', () => {
    expect(checkJustifications(plan, {}).unjustified.map((warning) => warning.metricId)).toEqual([
      'countries',
    ]);
    expect(checkJustifications(plan, { countries: '   ' }).unjustified).toHaveLength(1);
    const kept = checkJustifications(plan, { countries: '  Spain typed twice  ' });
    expect(kept.justifications).toEqual([
      { metricId: 'countries', periodId: 'P3', ruleIds: ['duplicate-country'], text: 'Spain typed twice' },
    ]);
  });

  it('refuses a justification of several lines', () => {
    expect(checkJustifications(plan, { countries: 'one\ntwo' }).malformed).toEqual([
      { metricId: 'countries', problem: 'expected one line, found several' },
    ]);
  });
});

describe('confirmationState', () => {
  const confirmation: Confirmation = {
    installationId: 'ifca-cpu',
    periodId: 'P3',
    confirmedBy: 'partner@ifca.example.org',
    confirmedAt: '2023-10-02T07:00:00.000Z',
    cells: [
      { metricId: 'cpu-hours', periodId: 'P3', version: 2, normalized: '401,200' },
      { metricId: 'users', periodId: 'P3', version: 3, normalized: '35' },
    ],
    justifications: [],
  };

  it('stays confirmed while every covered cell keeps its version, and goes stale on any later input', () => {
    const cpu = { metricId: 'cpu-hours', periodId: 'P3', submissions: 2 };
    const users = { metricId: 'users', periodId: 'P3', submissions: 3 };
    const same = [cpu, users];
    expect(confirmationState(confirmation, same).state).toBe('confirmed');
    const moved = confirmationState(confirmation, [cpu, { ...users, submissions: 4 }]);
    expect(moved.state).toBe('stale');
    expect(confirmationSentence('P3', moved)).toBe(
      'P3 figures: confirmation by partner@ifca.example.org on 2023-10-02 07:00 UTC is stale: changed since (users); not confirmed as they stand.',
    );
    expect(confirmationSentence('P3', confirmationState(confirmation, same))).toBe(
      'P3 figures confirmed by partner@ifca.example.org on 2023-10-02 07:00 UTC.',
    );
    expect(confirmationSentence('P4', confirmationState(undefined, same))).toBe('P4 figures: not confirmed.');
  });

  it('takes the newest confirmation of an installation and period', () => {
    const later = {
      ...confirmation,
      confirmedAt: '2023-10-03T07:00:00.000Z',
      confirmedBy: 'other@ifca.example.org',
    };
    expect(latestConfirmations([later, confirmation]).get('ifca-cpu/P3')?.confirmedBy).toBe(
      'other@ifca.example.org',
    );
  });
});

describe('windowConfirmationLookup (the Status tab)', () => {
  const at = (day: number) => `2024-03-0${day}T10:00:00.000Z`;
  const confirmationOf = (periodId: 'P3' | 'P4', day: number): Confirmation => ({
    installationId: 'ifca-cpu',
    periodId,
    confirmedBy: 'partner@ifca.example.org',
    confirmedAt: at(day),
    cells: [{ metricId: 'users', periodId, version: 1, normalized: '35' }],
    justifications: [],
  });
  const cells = (p4Version: number) => [
    { installationId: 'ifca-cpu', metricId: 'users', periodId: 'P3', submissions: 1 },
    { installationId: 'ifca-cpu', metricId: 'users', periodId: 'P4', submissions: p4Version },
  ];

  it('is confirmed when every period of the window is, not confirmed when one is missing, stale when one went stale', () => {
    const both = [confirmationOf('P3', 1), confirmationOf('P4', 2)];
    expect(windowConfirmationLookup(['P3', 'P4'], both, cells(1))('ifca-cpu')).toEqual({
      status: 'confirmed',
      by: 'partner@ifca.example.org',
      at: at(2),
    });
    expect(windowConfirmationLookup(['P3', 'P4'], both.slice(0, 1), cells(1))('ifca-cpu')).toEqual({
      status: 'not-confirmed',
    });
    expect(windowConfirmationLookup(['P3', 'P4'], both, cells(2))('ifca-cpu')).toEqual({
      status: 'stale',
      by: 'partner@ifca.example.org',
      at: at(2),
    });
    expect(windowConfirmationLookup(['P3'], both, cells(2))('incd-cpu')).toEqual({ status: 'not-confirmed' });
  });
});

describe('confirmationLines (the report)', () => {
  const record: Confirmation = {
    installationId: 'ifca-cpu',
    periodId: 'P3',
    confirmedBy: 'partner@ifca.example.org',
    confirmedAt: '2024-03-05T10:00:00.000Z',
    cells: [{ metricId: 'users', periodId: 'P3', version: 1, normalized: '35' }],
    justifications: [],
  };
  const cells = [{ installationId: 'ifca-cpu', metricId: 'users', periodId: 'P3', submissions: 1 }];

  it("says who confirmed each period, or that nobody did, and leaves out confirmations after the report's moment", () => {
    const lines = confirmationLines(['ifca-cpu', 'incd-cpu'], ['P3', 'P4'], { records: [record], cells });
    expect(lines.get('ifca-cpu')).toEqual([
      'P3 figures confirmed by partner@ifca.example.org on 2024-03-05 10:00 UTC.',
      'P4 figures: not confirmed.',
    ]);
    expect(lines.get('incd-cpu')).toEqual(['P3 figures: not confirmed.', 'P4 figures: not confirmed.']);
    const frozen = confirmationLines(['ifca-cpu'], ['P3'], {
      records: [record],
      cells,
      asOf: '2024-03-01T00:00:00Z',
    });
    expect(frozen.get('ifca-cpu')).toEqual(['P3 figures: not confirmed.']);
  });
});
