// The add-on's UI on the playground page, drawn as Google Sheets draws it: "Extensions › va-assess"
// with the items the bundle's onOpen created for the person acting; the alerts and prompts its
// executions wait on; its sidebars and dialogs, each the add-on's own page in a sandboxed iframe whose
// google.script calls come here by postMessage (script-bridge.js) and go on to the server.
(() => {
  const PREFIX = '/playground/addon/';
  // Ui.ButtonSet's buttons, left to right, with the labels Sheets shows.
  const BUTTON_SETS = {
    OK: ['OK'],
    OK_CANCEL: ['OK', 'CANCEL'],
    YES_NO: ['YES', 'NO'],
    YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
  };
  const LABELS = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No' };
  // No allow-same-origin: the add-on's page cannot reach the playground's, as in Apps Script.
  const SANDBOX =
    'allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads';

  async function call(method, path, body) {
    // Every POST carries a JSON body: the playground takes no other kind (another site cannot send it).
    const sent = method === 'GET' ? undefined : JSON.stringify(body ?? {});
    const response = await fetch(PREFIX + path, {
      method,
      headers: sent === undefined ? {} : { 'content-type': 'application/json' },
      body: sent,
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.message || `${response.status} ${response.statusText}`);
    return answer;
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else if (value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : value);
    }
    node.append(...children.filter((child) => child !== undefined && child !== null));
    return node;
  }

  /** "Running script" while a menu item runs, and a failed execution's message, at the top of the page. */
  function statusLine() {
    const node = el('div', { class: 'va-addon-status', role: 'status', 'aria-live': 'polite', hidden: true });
    const show = (text, isError) => {
      node.hidden = text === '';
      node.textContent = text;
      node.classList.toggle('va-addon-error', Boolean(isError));
    };
    return { node, show };
  }

  /** Extensions › va-assess › the items onOpen created for the person acting (loaded when opened). */
  function addonMenu({ menuElement, actingAs, selection, status, changed }) {
    let menu = { user: null, items: [] };
    const button = el('button', {
      type: 'button',
      class: 'va-menu-button',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      text: 'Extensions',
    });
    const list = el('div', { role: 'menu', 'aria-label': 'Extensions', class: 'va-menu', hidden: true });
    menuElement.replaceChildren(button, list);

    const close = () => {
      list.hidden = true;
      button.setAttribute('aria-expanded', 'false');
    };
    // A sub-menu opens on hover, as in Sheets, or on a click (a keyboard, a touch screen).
    const group = (caption, sub) => {
      const node = el('div', { class: 'va-menu-group' });
      const opener = el('button', {
        type: 'button',
        role: 'menuitem',
        'aria-haspopup': 'menu',
        class: 'va-menu-item',
        text: caption,
        onclick: () => node.classList.toggle('va-open'),
      });
      node.append(opener, sub);
      return node;
    };
    const submenu = (caption, items) => {
      const sub = el('div', { role: 'menu', 'aria-label': caption, class: 'va-menu va-submenu' });
      sub.append(...items.map(entry));
      if (items.length === 0) sub.append(el('div', { class: 'va-menu-empty', text: 'No items' }));
      return group(`${caption} ›`, sub);
    };
    const entry = (item) => {
      if (item.separator) return el('div', { role: 'separator', class: 'va-menu-separator' });
      if (item.subMenu) return submenu(item.caption, item.subMenu);
      const run = () => runItem(item);
      return el('button', {
        type: 'button',
        role: 'menuitem',
        class: 'va-menu-item',
        text: item.caption,
        onclick: run,
      });
    };
    async function load() {
      const user = actingAs();
      if (menu.user === user) return;
      list.replaceChildren(el('div', { class: 'va-menu-empty', text: 'Loading…' }));
      menu = await call('GET', 'menu');
      list.replaceChildren(submenu('va-assess', menu.items));
    }
    async function runItem(item) {
      close();
      status.show(`Running script: ${item.caption}`);
      try {
        // The selected cell goes with the click: what SpreadsheetApp.getActiveRange() answers as them.
        const selected = selection ? selection() : undefined;
        const answer = await call('POST', 'menu/run', {
          functionName: item.functionName,
          ...(selected ? { selection: selected } : {}),
        });
        status.show(answer.ok ? '' : `Error: ${answer.message}`, !answer.ok);
      } catch (error) {
        status.show(`Error: ${error.message}`, true);
      }
      changed();
    }
    const reload = () => load().catch((error) => status.show(`Error: ${error.message}`, true));
    button.addEventListener('click', () => {
      if (!list.hidden) return close();
      list.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      reload();
    });
    document.addEventListener('click', (event) => {
      if (!menuElement.contains(event.target)) close();
    });
    // Whoever acts now sees their own menu, even if it was open when the person changed.
    return { actingChanged: () => (list.hidden ? undefined : reload()) };
  }

  /** The first alert or prompt waiting for the person acting, as Sheets shows it, over the page. */
  function questionView(layer, status) {
    let shown = null; // { id, node }
    function dialogFor(question) {
      const input =
        question.kind === 'prompt'
          ? el('input', { type: 'text', class: 'va-prompt-input', 'aria-label': question.message })
          : undefined;
      const answer = (button) =>
        call('POST', `questions/${question.id}/answer`, { button, text: input ? input.value : '' }).catch(
          (error) => status.show(`Error: ${error.message}`, true),
        );
      const titleId = `va-alert-title-${question.id}`;
      const messageId = `va-alert-message-${question.id}`;
      const buttons = (BUTTON_SETS[question.buttons] || ['OK']).map((button, index) =>
        el('button', {
          type: 'button',
          class: index === 0 ? 'va-primary' : '',
          text: LABELS[button],
          onclick: () => answer(button),
        }),
      );
      const box = el(
        'div',
        {
          role: 'alertdialog',
          'aria-modal': 'true',
          'aria-labelledby': question.title ? titleId : messageId,
          'aria-describedby': question.title ? messageId : undefined,
          class: 'va-alert',
        },
        el('button', {
          type: 'button',
          class: 'va-close',
          'aria-label': 'Close',
          text: '×',
          onclick: () => answer('CLOSE'),
        }),
        question.title ? el('h2', { id: titleId, class: 'va-alert-title', text: question.title }) : undefined,
        el('div', { id: messageId, class: 'va-alert-message', text: question.message }),
        input,
        el('div', { class: 'va-alert-buttons' }, ...buttons),
      );
      return { node: el('div', { class: 'va-backdrop' }, box), focus: input || buttons[0] };
    }
    return {
      draw(state, user) {
        const mine = state.questions.find((question) => question.user === user);
        if (shown !== null && shown.id === mine?.id) return;
        shown?.node.remove();
        shown = null;
        if (mine === undefined) return;
        const { node, focus } = dialogFor(mine);
        layer.append(node);
        shown = { id: mine.id, node };
        focus.focus();
      },
    };
  }

  /** The sidebars and dialogs open on the server, each kept in its iframe while it stays open. */
  function dialogFrames(layer, { focusEditor, changed }) {
    const frames = new Map(); // dialog id → { node, iframe, dialog }
    const closeOnServer = (id) => call('POST', `dialogs/${id}/close`).catch(() => undefined);
    function frameFor(dialog) {
      const iframe = el('iframe', {
        sandbox: SANDBOX,
        title: dialog.title || 'va-assess',
        class: 'va-frame',
      });
      iframe.src = `${PREFIX}dialogs/${dialog.id}/page`;
      const closeBox = el('button', {
        type: 'button',
        class: 'va-close',
        'aria-label': 'Close',
        text: '×',
        onclick: () => closeOnServer(dialog.id),
      });
      const titleBar = el('div', { class: 'va-dialog-title' }, el('h2', { text: dialog.title }), closeBox);
      const box = el('div', {
        role: 'dialog',
        'aria-label': dialog.title || 'va-assess',
        class: `va-${dialog.kind}`,
      });
      box.append(titleBar, iframe);
      if (dialog.kind !== 'sidebar') {
        iframe.style.width = `${dialog.width}px`;
        iframe.style.height = `${dialog.height}px`;
        box.setAttribute('aria-modal', dialog.kind === 'modal' ? 'true' : 'false');
      }
      const node = dialog.kind === 'modal' ? el('div', { class: 'va-backdrop' }, box) : box;
      layer.append(node);
      return { node, iframe, dialog };
    }
    // google.script from an iframe: only from an open one, answered to that iframe alone.
    async function fromFrame(frame, data, source) {
      const { id, kind } = frame.dialog;
      if (typeof data.run === 'string') {
        let reply;
        try {
          reply = await call('POST', `dialogs/${id}/run`, { fnName: data.run, args: data.args || [] });
        } catch (error) {
          reply = { ok: false, message: error.message };
        }
        source.postMessage({ vaAddonReply: data.call, ...reply }, '*');
        changed();
      } else if (data.host === 'close') {
        closeOnServer(id);
      } else if (data.host === 'setHeight' && kind !== 'sidebar') {
        frame.iframe.style.height = `${data.value}px`;
      } else if (data.host === 'setWidth' && kind !== 'sidebar') {
        frame.iframe.style.width = `${data.value}px`;
      } else if (data.host === 'focus') {
        frame.iframe.blur();
        if (focusEditor) focusEditor();
        else window.focus();
      }
    }
    window.addEventListener('message', (event) => {
      const data = event.data;
      if (data === null || typeof data !== 'object' || data.vaAddonBridge !== 1) return;
      const frame = [...frames.values()].find((candidate) => candidate.iframe.contentWindow === event.source);
      if (frame !== undefined) fromFrame(frame, data, event.source);
    });
    return {
      draw(state, user) {
        const open = new Set(state.dialogs.map((dialog) => dialog.id));
        for (const [id, frame] of frames) {
          if (open.has(id)) continue;
          frame.node.remove();
          frames.delete(id);
        }
        for (const dialog of state.dialogs) {
          if (!frames.has(dialog.id)) frames.set(dialog.id, frameFor(dialog));
          // Another person's stay open for them, hidden while someone else acts.
          frames.get(dialog.id).node.hidden = dialog.user !== user;
        }
      },
    };
  }

  function mount({ menuElement, actingAs, selection, onChange, focusEditor }) {
    const changed = () => (onChange ? onChange() : undefined);
    document.head.append(el('link', { rel: 'stylesheet', href: `${PREFIX}addon-ui.css` }));
    const layer = el('div', { class: 'va-addon-layer' });
    const status = statusLine();
    document.body.append(layer, status.node);
    const menu = addonMenu({ menuElement, actingAs, selection, status, changed });
    const questions = questionView(layer, status);
    const dialogs = dialogFrames(layer, { focusEditor, changed });

    let state = { version: -1, questions: [], dialogs: [] };
    let drawnFor = actingAs();
    const draw = () => {
      drawnFor = actingAs();
      questions.draw(state, drawnFor);
      dialogs.draw(state, drawnFor);
    };
    // A long poll: the server answers when an alert, prompt, sidebar or dialog came or went.
    (async () => {
      for (;;) {
        try {
          state = await call('GET', `state?after=${state.version}`);
          draw();
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    })();
    // The page may change who acts at any time: their menu, alerts and dialogs replace the last one's.
    setInterval(() => {
      if (actingAs() === drawnFor) return;
      draw();
      menu.actingChanged();
    }, 200);
  }

  window.vaAddonUi = { mount };
})();
