import type { CellOutcome } from '../../../functions/contract/contract';
import { OUTCOME_COLOURS } from '../../../functions/sheets/layout/anchors';
import { paintForOutcome, paintPending, paintUnqueued } from '../../../sheets-addon/core/cell-note';

const base: CellOutcome = {
  installationId: 'ifca-cpu',
  metricId: 'countries',
  periodId: 'P1',
  status: 'accepted',
  message: '',
  issues: [],
  normalized: '',
  value: null,
  version: 1,
};

describe('the note and colour of an answered cell', () => {
  it('says what was read, what is wrong, what is expected and the suggestion for "SP"', () => {
    const paint = paintForOutcome(
      {
        ...base,
        status: 'rejected',
        message: 'ifca-cpu / countries / P1: "SP" is not a country code.',
        issues: [
          {
            ruleId: 'country-lookalike',
            severity: 'error',
            message: 'ifca-cpu / countries / P1: "SP" is not a country code.',
            found: 'SP',
            expected: 'ISO 3166-1 alpha-2 codes such as ES',
            suggestion: 'ES',
          },
        ],
      },
      'FR, SP',
    );
    expect(paint.background).toBe(OUTCOME_COLOURS.rejected);
    expect(paint.note).toBe(
      [
        'Not stored: please correct this value.',
        'Read: "FR, SP"',
        'Problem: ifca-cpu / countries / P1: "SP" is not a country code.',
        'Expected: ISO 3166-1 alpha-2 codes such as ES',
        'Did you mean: ES?',
      ].join('\n'),
    );
  });

  it('gives the stored reading of an accepted value', () => {
    const paint = paintForOutcome({ ...base, metricId: 'cpu-hours', normalized: '4,000,000' }, '4.000.000');
    expect(paint).toEqual({
      background: OUTCOME_COLOURS.accepted,
      note: 'Stored as 4,000,000.\nRead: "4.000.000"',
    });
  });

  it('marks pending and unqueued cells grey, saying what happens next', () => {
    expect(paintPending(5, 'the backend could not be reached').note).toMatch(/^Pending, will be sent/);
    expect(paintUnqueued(5, 'down').note).toContain('"Validate whole sheet" sends it');
    expect(paintUnqueued(5, 'down').background).toBe(OUTCOME_COLOURS.pending);
  });
});
