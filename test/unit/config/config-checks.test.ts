import {
  describeConfigIssues,
  type ProjectConfigInput,
  projectConfigSchema,
} from '../../../functions/domain/config';
import { exampleConfigBody } from '../../fixtures/example-config';

type MetricInput = ProjectConfigInput['installations'][number]['metrics'][number];

/** The example with one metric of one installation changed (by ids, so the test reads like the file). */
function withMetric(
  installationId: string,
  metricId: string,
  change: Partial<MetricInput>,
): ProjectConfigInput {
  const config = exampleConfigBody();
  const installation = config.installations.find((candidate) => candidate.id === installationId);
  const metric = installation?.metrics.find((candidate) => candidate.id === metricId);
  if (metric === undefined) throw new Error(`no metric ${installationId}/${metricId} in the example`);
  Object.assign(metric, change);
  return config;
}

function problemsOf(config: unknown): { path: string; sentence: string }[] {
  const parsed = projectConfigSchema.safeParse(config);
  if (parsed.success) return [];
  const sentences = describeConfigIssues(config, parsed.error.issues);
  return parsed.error.issues.map((issue, index) => ({
    path: issue.path.join('.'),
    sentence: sentences[index] ?? '',
  }));
}

const indexOf = (config: ProjectConfigInput, id: string) =>
  config.installations.findIndex((installation) => installation.id === id);

describe('a metric counts toward a budget only in the budget unit', () => {
  it('refuses a users metric counting toward CPU-hours, on its countsToward field', () => {
    const config = withMetric('ifca-cpu', 'users', { countsToward: 'cpu-hours' });
    expect(problemsOf(config)).toEqual([
      {
        path: `installations.${indexOf(config, 'ifca-cpu')}.metrics.3.countsToward`,
        sentence: expect.stringMatching(
          /^installation IFCA-CSIC Scientific Cloud – CPU \(installations\[\d+\]\), metric users \(metrics\[3\]\), field countsToward: a users metric counts toward budget "cpu-hours"; users are never summed across installations/,
        ),
      },
    ]);
  });

  it('refuses GPU-hours counting toward the CPU-hours budget, saying both units', () => {
    const config = withMetric('ifca-gpu', 'gpu-hours', { countsToward: 'cpu-hours' });
    const [problem, ...others] = problemsOf(config);
    expect(others).toEqual([]);
    expect(problem?.path).toMatch(/\.metrics\.0\.countsToward$/);
    expect(problem?.sentence).toContain(
      'the metric is in "GPU-hours" but budget "cpu-hours" is in "CPU-hours"; expected a metric in CPU-hours',
    );
  });

  it('takes a unit typed with other capitals or spaces as the same unit', () => {
    expect(problemsOf(withMetric('ifca-cpu', 'cpu-hours', { unit: ' cpu-Hours ' }))).toEqual([]);
  });

  it('refuses a metric that would feed a budget its largest period instead of the sum', () => {
    const [problem] = problemsOf(withMetric('ifca-cpu', 'cpu-hours', { aggregation: 'max' }));
    expect(problem?.sentence).toMatch(/field countsToward: .*aggregates as "max"; .*expected "sum"/);
  });
});

describe('aggregations that cannot be right for a kind', () => {
  it.each([
    ['country-count', 'sum', /a country count is never summed.*expected "max" or "latest"/],
    ['users', 'sum', /users are never summed.*expected "max" or "latest"/],
    ['countries', 'max', /found "max"; a country list aggregates as "union"/],
    ['cpu-hours', 'union', /found "union"; "union" is for country lists only, expected "sum" for a hours/],
    ['users', 'union', /"union" is for country lists only, expected "max" or "latest" for a count/],
  ] as const)('refuses %s aggregated as "%s"', (metricId, aggregation, expected) => {
    const problems = problemsOf(withMetric('ifca-cpu', metricId, { aggregation }));
    expect(problems.map((problem) => problem.path)).toContain(
      `installations.${indexOf(exampleConfigBody(), 'ifca-cpu')}.metrics.${[
        'cpu-hours',
        'countries',
        'country-count',
        'users',
      ].indexOf(metricId)}.aggregation`,
    );
    expect(problems.map((problem) => problem.sentence).join('\n')).toMatch(expected);
  });

  it('accepts a count of things made that adds up over periods (models trained)', () => {
    expect(problemsOf(withMetric('ai-development', 'models-trained', { aggregation: 'sum' }))).toEqual([]);
  });
});

describe('fields with a default are optional', () => {
  it('fills a left-out aggregation from the kind: the example without any parses as the example', () => {
    const without = exampleConfigBody();
    for (const installation of without.installations) {
      for (const metric of installation.metrics) {
        // The example's "latest" and "sum" on counts are choices, not defaults: keep those.
        if (metric.kind === 'count' && metric.aggregation !== 'max') continue;
        delete metric.aggregation;
      }
    }
    const parsed = projectConfigSchema.parse(without);
    expect(parsed).toEqual(projectConfigSchema.parse(exampleConfigBody()));
    const ifcaCpu = parsed.installations.find((installation) => installation.id === 'ifca-cpu');
    expect(ifcaCpu?.metrics.map((metric) => [metric.id, metric.aggregation])).toEqual([
      ['cpu-hours', 'sum'],
      ['countries', 'union'],
      ['country-count', 'max'],
      ['users', 'max'],
    ]);
  });
});

describe('all problems in the first round', () => {
  it('reports a misspelt budget, a users metric toward CPU-hours and a missing name together', () => {
    const config = exampleConfigBody();
    const cpu = indexOf(config, 'ifca-cpu');
    const gpu = indexOf(config, 'ifca-gpu');
    const storage = indexOf(config, 'ifca-storage');
    const cpuHours = config.installations[cpu]?.metrics[0];
    const gpuUsers = config.installations[gpu]?.metrics[3];
    const storageInstallation = config.installations[storage];
    if (cpuHours === undefined || gpuUsers === undefined || storageInstallation === undefined)
      throw new Error();
    cpuHours.countsToward = 'cpu-hour';
    gpuUsers.countsToward = 'cpu-hours';
    delete (storageInstallation as { name?: string }).name;
    config.project.durationMonths = 'thirty-six' as unknown as number;

    const problems = problemsOf(config);

    expect(problems).toHaveLength(4);
    expect(problems.map((problem) => problem.sentence)).toEqual(
      expect.arrayContaining([
        'project, field durationMonths: found "thirty-six"; expected a number',
        `installation ifca-storage (installations[${storage}]), field name: missing; expected a text`,
        `installation IFCA-CSIC Scientific Cloud – CPU (installations[${cpu}]), metric cpu-hours (metrics[0]), field countsToward: unknown budget "cpu-hour"; expected one of "cpu-hours", "gpu-hours", "storage-tb-month"`,
        expect.stringMatching(
          new RegExp(
            `^installation IFCA-CSIC Scientific Cloud – GPU \\(installations\\[${gpu}\\]\\), metric users \\(metrics\\[3\\]\\), field countsToward: a users metric`,
          ),
        ),
      ]),
    );
    expect(problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining([
        'project.durationMonths',
        `installations.${storage}.name`,
        `installations.${cpu}.metrics.0.countsToward`,
        `installations.${gpu}.metrics.3.countsToward`,
      ]),
    );
  });

  it('checks budget groups and periods even when a budget amount is wrong', () => {
    const config = exampleConfigBody();
    const [firstBudget] = config.project.budgets;
    const [firstGroup] = config.project.budgetGroups ?? [];
    if (firstBudget === undefined || firstGroup === undefined) throw new Error();
    firstBudget.amount = -1;
    firstGroup.budgetIds = ['cpu-hours', 'gpu-hour'];
    config.project.periodMonths = 5;
    const sentences = problemsOf(config).map((problem) => problem.sentence);
    expect(sentences).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^budget cpu-hours \(project\.budgets\[0\]\), field amount: expected a budget of at least/,
        ),
        'budget group compute (project.budgetGroups[0]), field budgetIds[1]: unknown budget "gpu-hour"; expected one of "cpu-hours", "gpu-hours", "storage-tb-month"',
        'project, field periodMonths: periodMonths (5) must divide durationMonths (36)',
        'project, field periodMonths: periodMonths (5) must divide a project year of 12 months',
      ]),
    );
  });

  it('names an unknown field, a wrong choice and a duplicate id in words', () => {
    const config = exampleConfigBody();
    const first = config.installations[0];
    const second = config.installations[1];
    if (first === undefined || second === undefined) throw new Error();
    (first as Record<string, unknown>).modalityofAccess = 'x';
    first.role = 'cloud' as 'platform';
    second.id = first.id;
    const sentences = problemsOf(config).map((problem) => problem.sentence);
    expect(sentences).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^installation iMagine .*\(installations\[0\]\): unknown field "modalityofAccess"/,
        ),
        expect.stringMatching(
          /^installation iMagine .*\(installations\[0\]\), field role: found "cloud"; expected one of "platform", "infrastructure"$/,
        ),
        expect.stringMatching(/\(installations\[1\]\), field id: duplicate installation id "ai-development"/),
      ]),
    );
  });

  it("says what was found and what is expected instead of zod's generic words", () => {
    const config = exampleConfigBody();
    const first = config.installations[0];
    if (first === undefined) throw new Error();
    config.project.startDate = '1/9/2022';
    config.project.coordinators = ['coordinator at imagine'];
    first.metrics = [];
    const sentences = problemsOf(config).map((problem) => problem.sentence);
    expect(sentences).toEqual(
      expect.arrayContaining([
        'project, field startDate: found "1/9/2022"; expected a date written yyyy-mm-dd',
        'project, field coordinators[0]: found "coordinator at imagine"; expected an e-mail address',
        expect.stringMatching(
          /^installation iMagine .*\(installations\[0\]\), field metrics: found 0 entries; expected at least 1$/,
        ),
      ]),
    );
  });
});
