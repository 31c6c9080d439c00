import { draftFormat, lowerFirst } from '../../../functions/domain/drafts/draft-format';

describe('draftFormat: numbers as the report prints them (en-GB)', () => {
  const format = draftFormat();

  it.each([
    [662547, '662,547'],
    [33.4, '33.4'],
    [29433.6, '29,433.6'],
    [0, '0'],
  ])('quotes an entered figure %p as %s', (value, text) => {
    expect(format.number(value)).toBe(text);
  });

  it.each([
    [1, 'country', '1 country'],
    [0, 'countries', '0 countries'],
    [9, 'countries', '9 countries'],
  ])('gives %p the noun form %s', (count, noun, text) => {
    expect(`${count} ${format.noun(count, 'country', 'countries')}`).toBe(text);
    expect(format.noun(count, 'country', 'countries')).toBe(noun);
  });

  it.each([
    [88.96, '89%'],
    [97.77, '98%'],
    [0.4, '0.4%'],
    [99.6, '99.6%'],
    [100, '100%'],
    [0, '0%'],
  ])('gives a share of %p as %s, never hiding a non-zero remainder', (percent, text) => {
    expect(format.percent(percent)).toBe(text);
  });

  it('joins a list as English prose', () => {
    expect(format.list(['CSIC', 'LIP/INCD'])).toBe('CSIC and LIP/INCD');
    expect(format.list(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('lowerFirst: labels inside a sentence', () => {
  it.each([
    ['Number of users', 'number of users'],
    ['CPU and GPU-hours', 'CPU and GPU-hours'],
    ['storage', 'storage'],
    ['AI models', 'AI models'],
  ])('%s → %s', (label, text) => {
    expect(lowerFirst(label)).toBe(text);
  });
});
