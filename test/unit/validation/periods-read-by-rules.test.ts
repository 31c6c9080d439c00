import { projectSchema } from '../../../functions/domain/config/project-schema';
import { periodsReadByRules } from '../../../functions/domain/validation/periods-read-by-rules';

const project = projectSchema.parse({
  id: 'p',
  title: 'P',
  startDate: '2022-09-01',
  durationMonths: 60,
  periodMonths: 6,
  timeZone: 'Europe/Madrid',
  coordinators: ['c@example.org'],
  budgets: [],
});

describe('periodsReadByRules', () => {
  it.each([
    { cells: ['P1'], expected: ['P1'] },
    { cells: ['P2'], expected: ['P1', 'P2'] },
    { cells: ['P3', 'P2', 'P3'], expected: ['P1', 'P2', 'P3'] },
    { cells: ['P10'], expected: ['P9', 'P10'] },
    { cells: ['P5', 'Q1'], expected: ['P4', 'P5'] },
    { cells: [], expected: [] },
    { cells: ['P11', 'P12'], expected: ['P10'] },
  ])('reads $expected to validate cells of $cells', ({ cells, expected }) => {
    const entries = cells.map((periodId) => ({ periodId }) as { periodId: `P${number}` });
    expect(periodsReadByRules(entries, project)).toEqual(expected);
  });
});
