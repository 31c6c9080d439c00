import { projectConfigSchema } from '../../../functions/domain/config';
import { exampleConfigBody } from '../../fixtures/example-config';

const example = exampleConfigBody();

function withFirstBudget(amount: number) {
  const [first, ...rest] = example.project.budgets;
  return { ...example, project: { ...example.project, budgets: [{ ...first, amount }, ...rest] } };
}

/** A budget is a divisor of every percentage the summary prints: one too small or too large would print Infinity. */
describe('budget amounts in the configuration', () => {
  it.each([
    [1e-300, 'at least'],
    [1e308, 'at most'],
    [0, 'at least'],
  ])('refuses %p, saying it expected a budget %s a bound', (amount, bound) => {
    const parsed = projectConfigSchema.safeParse(withFirstBudget(amount));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['project', 'budgets', 0, 'amount'],
      message: expect.stringContaining(`expected a budget of ${bound}`),
    });
  });

  it('takes the example budgets as they are', () => {
    expect(projectConfigSchema.safeParse(example).success).toBe(true);
  });
});
