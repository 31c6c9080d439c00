// google.script in a sidebar or dialog of the playground: the page runs in a sandboxed iframe (no
// access to the playground's page), so every call travels to the parent by postMessage, as Apps
// Script's own iframe reaches its host. Reference: https://developers.google.com/apps-script/guides/html/reference/run
// and https://developers.google.com/apps-script/guides/html/reference/host
(() => {
  let calls = 0;
  const pending = new Map();
  const send = (message) => window.parent.postMessage({ vaAddonBridge: 1, ...message }, '*');

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const reply = event.data;
    if (reply === null || typeof reply !== 'object' || reply.vaAddonReply === undefined) return;
    const call = pending.get(reply.vaAddonReply);
    if (call === undefined) return;
    pending.delete(reply.vaAddonReply);
    if (reply.ok) {
      if (call.success) call.success(reply.value, call.userObject);
    } else if (call.failure) {
      call.failure(new Error(reply.message), call.userObject);
    }
  });

  // withSuccessHandler, withFailureHandler and withUserObject each return a new runner; any other
  // name is a server function, called asynchronously, its value or error going to the handlers.
  const runner = (success, failure, userObject) =>
    new Proxy(
      {},
      {
        get: (_target, name) => {
          if (name === 'withSuccessHandler') return (handler) => runner(handler, failure, userObject);
          if (name === 'withFailureHandler') return (handler) => runner(success, handler, userObject);
          if (name === 'withUserObject') return (object) => runner(success, failure, object);
          if (typeof name !== 'string') return undefined;
          return (...args) => {
            calls += 1;
            pending.set(calls, { success, failure, userObject });
            send({ run: name, args, call: calls });
          };
        },
      },
    );

  window.google = {
    script: {
      run: runner(null, null, undefined),
      host: {
        origin: document.referrer === '' ? '' : new URL(document.referrer).origin,
        close: () => send({ host: 'close' }),
        setHeight: (height) => send({ host: 'setHeight', value: Number(height) }),
        setWidth: (width) => send({ host: 'setWidth', value: Number(width) }),
        editor: { focus: () => send({ host: 'focus' }) },
      },
    },
  };
})();
