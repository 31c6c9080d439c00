import { windowsOverlapping } from '../../../functions/domain/calendar/overlapping-windows';
import { projectConfigSchema } from '../../../functions/domain/config/project-config-schema';
import { exampleConfigBody } from '../../fixtures/example-config';

/** The example: 36 months in periods of 6, so P1–P6 and PY1–PY3. */
const project = projectConfigSchema.parse(exampleConfigBody()).project;

describe('the windows a lock freezes the texts of (windowsOverlapping)', () => {
  it('lists, for P2, the period, its project year and every cumulative window from P2 on', () => {
    expect(windowsOverlapping(project, ['P2'])).toEqual([
      'P2',
      'PY1',
      'CUM-P2',
      'CUM-P3',
      'CUM-P4',
      'CUM-P5',
      'CUM-P6',
    ]);
  });

  it('lists, for PY2 (P3 and P4), both periods, the year once, and the cumulative windows from P3 on', () => {
    expect(windowsOverlapping(project, ['P3', 'P4'])).toEqual([
      'P3',
      'P4',
      'PY2',
      'CUM-P3',
      'CUM-P4',
      'CUM-P5',
      'CUM-P6',
    ]);
  });

  it('lists nothing for periods the calendar does not have', () => {
    expect(windowsOverlapping(project, ['P9'])).toEqual([]);
  });
});
