import { LEGACY_REVISION_PREFIX } from '../../../functions/storage/config-revision';
import { configRevisionUnchanged } from '../../../functions/storage/submission-conditions';
import { layOutTransaction, type TransactAction } from '../../../functions/storage/transaction-layout';

function action(name: string): TransactAction {
  return { ConditionCheck: { TableName: name, Key: {}, ConditionExpression: 'attribute_exists(pk)' } };
}

const nameOf = (item: TransactAction | undefined) => item?.ConditionCheck?.TableName;

describe('layOutTransaction', () => {
  it("puts each lane's cell action before its history items, lanes in order, configuration checks last", () => {
    const { actions } = layOutTransaction(
      [
        { cell: action('cell A'), histories: [action('history A1'), action('history A2')] },
        { cell: action('cell B'), histories: [] },
      ],
      new Map([['project-1', action('check project-1')]]),
    );
    expect(actions.map(nameOf)).toEqual(['cell A', 'history A1', 'history A2', 'cell B', 'check project-1']);
  });

  it('names the slot of every action, so a cancellation reason is read against the action it cancelled', () => {
    const { actions, layout } = layOutTransaction(
      [
        { cell: action('cell A'), histories: [action('history A1')] },
        { cell: action('cell B'), histories: [action('history B1'), action('history B2')] },
      ],
      new Map([
        ['project-1', action('check project-1')],
        ['project-2', action('check project-2')],
      ]),
    );
    const at = (slot: number | undefined) => (slot === undefined ? undefined : nameOf(actions[slot]));
    expect(layout.lanes.map((lane) => [at(lane.cell), ...lane.histories.map(at)])).toEqual([
      ['cell A', 'history A1'],
      ['cell B', 'history B1', 'history B2'],
    ]);
    expect(at(layout.configChecks.get('project-1'))).toBe('check project-1');
    expect(at(layout.configChecks.get('project-2'))).toBe('check project-2');
  });
});

describe('configRevisionUnchanged', () => {
  it('requires the stored revision', () => {
    expect(configRevisionUnchanged('rev-7')).toEqual({
      expression: '#r = :r',
      names: { '#r': 'revision' },
      values: { ':r': 'rev-7' },
    });
  });

  it('knows a configuration saved before revisions existed by its save time', () => {
    expect(configRevisionUnchanged(`${LEGACY_REVISION_PREFIX}2026-01-02T03:04:05.000Z`)).toEqual({
      expression: 'attribute_not_exists(#r) AND #u = :u',
      names: { '#r': 'revision', '#u': 'updatedAt' },
      values: { ':u': '2026-01-02T03:04:05.000Z' },
    });
  });
});
