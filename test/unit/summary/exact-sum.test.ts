import { addExactly, subtractExactly } from '../../../functions/domain/summary/exact-sum';

describe('addExactly: sums that print as a person expects', () => {
  it.each([
    [[30, 3.4], 33.4],
    [[0.1, 0.2], 0.3],
    [[94656, 393888, 174003], 662547],
    [[29433.6, 0.4], 29434],
    [[1e-7, 2e-7], 3e-7],
    [[], 0],
  ])('%j adds to %p', (values, expected) => {
    expect(addExactly(values)).toBe(expected);
  });

  it('subtracts without noise: 1,500 − 33.4 leaves 1,466.6', () => {
    expect(subtractExactly(1500, 33.4)).toBe(1466.6);
  });
});
