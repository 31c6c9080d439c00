import { MessageChannel } from 'node:worker_threads';
import { EXCEEDED_EXECUTION_TIME, SyncRpcClient, serveSyncRpc } from '../../../local/apps-script/sync-rpc';

/**
 * An execution's calls to the host end at Apps Script's 6-minute limit with Google's words, however
 * the time went (here: a host that never answers, as a person who never answers an alert), and stay
 * ended: a script that catches the error cannot go on.
 */
describe('the execution time limit of the Apps Script double', () => {
  const makeError = (message: string) => Object.assign(new Error(message), { name: 'Exception' });

  it("ends a call still unanswered at the execution's deadline, and every call after it", () => {
    const { port1, port2 } = new MessageChannel();
    const shared = new SharedArrayBuffer(4);
    serveSyncRpc(port1, shared, () => new Promise(() => undefined));
    // The deadline is an input: a short one stands for the six minutes.
    const client = new SyncRpcClient(port2, shared, Date.now() + 50);
    expect(() => client.call('ui.alert', ['Decide'], makeError)).toThrow(EXCEEDED_EXECUTION_TIME);
    expect(() => client.call('ss.info', [], makeError)).toThrow(EXCEEDED_EXECUTION_TIME);
    port1.close();
    port2.close();
  });
});
