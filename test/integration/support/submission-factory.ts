import { randomUUID } from 'node:crypto';
import type { SubmissionRecord } from '../../../functions/storage/entry-records';

/** An accepted CPU-hours submission for IFCA CPU in P1 unless told otherwise. */
export function submission(overrides: Partial<SubmissionRecord> = {}): SubmissionRecord {
  const hours = typeof overrides.raw === 'number' ? overrides.raw : 94656;
  return {
    projectId: 'imagine',
    installationId: 'ifca-cpu',
    metricId: 'cpu-hours',
    periodId: 'P1',
    raw: hours,
    status: 'accepted',
    value: { type: 'number', value: hours },
    normalized: hours.toLocaleString('en-GB'),
    issues: [],
    editor: 'partner@ifca.example.org',
    submittedAt: '2023-03-10T09:00:00.000Z',
    requestId: randomUUID(),
    ...overrides,
  };
}

/** A submission the validator rejected, e.g. "4.000.000" typed where hours are expected. */
export function rejected(overrides: Partial<SubmissionRecord> = {}): SubmissionRecord {
  return submission({
    raw: '4.000.000',
    status: 'rejected',
    value: null,
    normalized: '',
    issues: [
      {
        ruleId: 'ambiguous-separator',
        severity: 'error',
        message: 'IFCA CPU / CPU-hours / P1: "4.000.000" is ambiguous; type 4000000.',
        found: '4.000.000',
        expected: 'a number such as 4000000',
      },
    ],
    ...overrides,
  });
}
