import { whoCannotWork, whoCannotWorkLines } from '../../../sheets-addon/core/who-cannot-work';

const people = {
  coordinators: ['Coord@Uni.example'],
  installations: [
    { id: 'a', name: 'Alpha HPC', editors: ['ann@a.example'] },
    { id: 'b', name: 'Beta Cloud', editors: ['bob@b.example', 'ann@a.example'] },
    { id: 'c', name: 'Gamma Storage', editors: [] },
  ],
};

describe('who cannot work yet', () => {
  it('compares the configuration with the spreadsheet editors, case-insensitively', () => {
    const report = whoCannotWork(
      people,
      ['coord@uni.example', 'BOB@b.example', 'eve@x.example', 'sa@p.iam.example'],
      ['sa@p.iam.example'],
    );
    expect(report).toEqual({
      listedNotEditors: [{ email: 'ann@a.example', roles: ['editor of Alpha HPC', 'editor of Beta Cloud'] }],
      editorsListedNowhere: ['eve@x.example'],
      installationsWithoutEditor: [
        { id: 'a', name: 'Alpha HPC', listed: ['ann@a.example'] },
        { id: 'c', name: 'Gamma Storage', listed: [] },
      ],
    });
    expect(whoCannotWorkLines(report)).toEqual([
      'Listed in the configuration but not editors of this spreadsheet (they cannot type until it is shared with them as editor):',
      '• ann@a.example (editor of Alpha HPC, editor of Beta Cloud)',
      'Editors of this spreadsheet listed nowhere in the configuration (the backend refuses what they type: add them as editors of their installation, or as coordinators, then Apply configuration):',
      '• eve@x.example',
      'Installations nobody but a coordinator can fill in:',
      '• Alpha HPC: none of its editors (ann@a.example) can edit this spreadsheet',
      '• Gamma Storage: the configuration lists no editor',
    ]);
  });

  it('says nothing when everyone can work', () => {
    const all = ['coord@uni.example', 'ann@a.example', 'bob@b.example'];
    const report = whoCannotWork({ ...people, installations: people.installations.slice(0, 2) }, all);
    expect(whoCannotWorkLines(report)).toEqual([]);
  });
});
