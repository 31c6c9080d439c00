import { projectConfigSchema, TEXT_BOUNDS } from '../../../functions/domain/config';
import { exampleConfigBody } from '../../fixtures/example-config';

const example = exampleConfigBody;

const problemsOf = (config: unknown) => {
  const parsed = projectConfigSchema.safeParse(config);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('configuration text bounds', () => {
  it('accepts the example, whose longest text is an 831-character description', () => {
    expect(problemsOf(example())).toEqual([]);
  });

  it('accepts a text at its bound and refuses one character more, naming the field, its limit and the length', () => {
    const atBound = example();
    const description = 'd'.repeat(TEXT_BOUNDS.paragraph);
    if (atBound.installations[1]) atBound.installations[1].description = description;
    expect(problemsOf(atBound)).toEqual([]);

    const over = example();
    if (over.installations[1]) over.installations[1].description = `${description}!`;
    expect(problemsOf(over)).toEqual([
      `installations.1.description: expected at most ${TEXT_BOUNDS.paragraph} characters (what the sheet, the report and the portal export carry), found ${TEXT_BOUNDS.paragraph + 1}`,
    ]);
  });

  it('bounds the project, report and metric texts too', () => {
    const config = example();
    config.project.title = 't'.repeat(50_001);
    const report = config.project.report;
    if (report === undefined) throw new Error('the example has report settings');
    report.authors = ['a'.repeat(201)];
    const metric = config.installations[0]?.metrics[0];
    if (metric) metric.label = 'l'.repeat(301);

    expect(problemsOf(config).map((problem) => problem.slice(0, problem.indexOf(':')))).toEqual([
      'project.title',
      'project.report.authors.0',
      'installations.0.metrics.0.label',
    ]);
  });
});
