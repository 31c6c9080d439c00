import { wrapLabel } from '../../../functions/report/charts/wrap-label';

describe('wrapLabel', () => {
  it('breaks at spaces, ends a line with the dash rather than starting one with it, and loses no letter', () => {
    expect(wrapLabel('IFCA-CSIC Scientific Cloud – Storage', 24)).toEqual([
      'IFCA-CSIC Scientific',
      'Cloud – Storage',
    ]);
    expect(wrapLabel('Supercalifragilisticexpialidocious cloud', 10)).toEqual([
      'Supercalifragilisticexpialidocious',
      'cloud',
    ]);
    expect(wrapLabel('INCD – CPU', 24)).toEqual(['INCD – CPU']);
  });
});
