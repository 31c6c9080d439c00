/**
 * `run` once after the current turn of the event loop, however many times the returned function is
 * called during that turn: callers arriving together (the edits whose reads came back in one answer,
 * the requests parsed in one turn) are then served by one DynamoDB request instead of the first going
 * alone. A lone caller waits a fraction of a millisecond.
 */
export function oncePerTurn(run: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    setImmediate(() => {
      pending = false;
      run();
    });
  };
}
