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
  const SANDBOX =
    'allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads';

  async function call(method, path, body) {
    const response = await fetch(PREFIX + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
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

  function mount({ menuElement, actingAs, onChange, focusEditor }) {
    const changed = () => (onChange ? onChange() : undefined);
    document.head.append(el('link', { rel: 'stylesheet', href: `${PREFIX}addon-ui.css` }));
    const layer = el('div', { class: 'va-addon-layer' });
    const status = el('div', {
      class: 'va-addon-status',
      role: 'status',
      'aria-live': 'polite',
      hidden: true,
    });
    document.body.append(layer, status);

    // ---- the menu ----
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

    const closeMenu = () => {
      list.hidden = true;
      button.setAttribute('aria-expanded', 'false');
    };
    // A sub-menu opens on hover, as in Sheets, or on a click (a keyboard, a touch screen).
    function menuGroup(caption, sub) {
      const group = el('div', { class: 'va-menu-group' });
      const opener = el('button', {
        type: 'button',
        role: 'menuitem',
        'aria-haspopup': 'menu',
        class: 'va-menu-item',
        text: caption,
        onclick: () => group.classList.toggle('va-open'),
      });
      group.append(opener, sub);
      return group;
    }
    function menuEntries(items) {
      return items.map((item) => {
        if (item.separator) return el('div', { role: 'separator', class: 'va-menu-separator' });
        if (item.subMenu) {
          const sub = el(
            'div',
            { role: 'menu', 'aria-label': item.caption, class: 'va-menu va-submenu' },
            ...menuEntries(item.subMenu),
          );
          return menuGroup(`${item.caption} ›`, sub);
        }
        return el('button', {
          type: 'button',
          role: 'menuitem',
          class: 'va-menu-item',
          text: item.caption,
          onclick: () => runItem(item),
        });
      });
    }
    function drawMenu() {
      const addon = el(
        'div',
        { role: 'menu', 'aria-label': 'va-assess', class: 'va-menu va-submenu' },
        ...menuEntries(menu.items),
      );
      if (menu.items.length === 0)
        addon.append(el('div', { class: 'va-menu-empty', text: 'No items for this person' }));
      list.replaceChildren(menuGroup('va-assess ›', addon));
    }
    async function loadMenu() {
      const user = actingAs();
      if (menu.user === user) return;
      list.replaceChildren(el('div', { class: 'va-menu-empty', text: 'Loading…' }));
      menu = await call('GET', 'menu');
      drawMenu();
    }
    button.addEventListener('click', () => {
      if (!list.hidden) return closeMenu();
      list.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      loadMenu().catch((error) => showStatus(`Error: ${error.message}`, true));
    });
    document.addEventListener('click', (event) => {
      if (!menuElement.contains(event.target)) closeMenu();
    });

    function showStatus(text, isError) {
      status.hidden = text === '';
      status.textContent = text;
      status.classList.toggle('va-addon-error', Boolean(isError));
    }
    async function runItem(item) {
      closeMenu();
      showStatus(`Running script: ${item.caption}`);
      try {
        const answer = await call('POST', 'menu/run', { functionName: item.functionName });
        showStatus(answer.ok ? '' : `Error: ${answer.message}`, !answer.ok);
      } catch (error) {
        showStatus(`Error: ${error.message}`, true);
      }
      changed();
    }

    // ---- alerts, prompts, sidebars and dialogs, as the server holds them ----
    let state = { version: -1, questions: [], dialogs: [] };
    let drawnFor = actingAs();
    const frames = new Map(); // dialog id → { box, iframe }
    let question = null; // { id, node }

    function drawQuestion() {
      const mine = state.questions.find((pending) => pending.user === drawnFor);
      if (question !== null && question.id === mine?.id) return;
      question?.node.remove();
      question = null;
      if (mine === undefined) return;
      const input =
        mine.kind === 'prompt'
          ? el('input', { type: 'text', class: 'va-prompt-input', 'aria-label': mine.message })
          : undefined;
      const answer = (choice) => {
        call('POST', `questions/${mine.id}/answer`, { button: choice, text: input ? input.value : '' }).catch(
          (error) => showStatus(`Error: ${error.message}`, true),
        );
      };
      const titleId = `va-alert-title-${mine.id}`;
      const messageId = `va-alert-message-${mine.id}`;
      const box = el(
        'div',
        {
          role: 'alertdialog',
          'aria-modal': 'true',
          'aria-labelledby': mine.title ? titleId : messageId,
          'aria-describedby': mine.title ? messageId : undefined,
          class: 'va-alert',
        },
        el('button', {
          type: 'button',
          class: 'va-close',
          'aria-label': 'Close',
          text: '×',
          onclick: () => answer('CLOSE'),
        }),
        mine.title ? el('h2', { id: titleId, class: 'va-alert-title', text: mine.title }) : undefined,
        el('div', { id: messageId, class: 'va-alert-message', text: mine.message }),
        input,
        el(
          'div',
          { class: 'va-alert-buttons' },
          ...(BUTTON_SETS[mine.buttons] || ['OK']).map((choice, index) =>
            el('button', {
              type: 'button',
              class: index === 0 ? 'va-primary' : '',
              text: LABELS[choice],
              onclick: () => answer(choice),
            }),
          ),
        ),
      );
      const node = el('div', { class: 'va-backdrop' }, box);
      layer.append(node);
      question = { id: mine.id, node };
      (input || box.querySelector('.va-primary')).focus();
    }

    function drawDialogs() {
      const open = new Set(state.dialogs.map((dialog) => dialog.id));
      for (const [id, frame] of frames) {
        if (open.has(id)) continue;
        frame.node.remove();
        frames.delete(id);
      }
      for (const dialog of state.dialogs) {
        if (!frames.has(dialog.id)) frames.set(dialog.id, dialogFrame(dialog));
        frames.get(dialog.id).node.hidden = dialog.user !== drawnFor;
      }
    }

    function dialogFrame(dialog) {
      const iframe = el('iframe', {
        sandbox: SANDBOX,
        title: dialog.title || 'va-assess',
        class: 'va-frame',
      });
      iframe.srcdoc = dialog.page;
      const close = () => call('POST', `dialogs/${dialog.id}/close`).catch(() => undefined);
      const titleBar = el(
        'div',
        { class: 'va-dialog-title' },
        el('h2', { text: dialog.title }),
        el('button', { type: 'button', class: 'va-close', 'aria-label': 'Close', text: '×', onclick: close }),
      );
      const box = el(
        'div',
        {
          role: 'dialog',
          'aria-label': dialog.title || 'va-assess',
          class: `va-${dialog.kind}`,
          'data-dialog-id': String(dialog.id),
        },
        titleBar,
        iframe,
      );
      if (dialog.kind !== 'sidebar') {
        iframe.style.width = `${dialog.width}px`;
        iframe.style.height = `${dialog.height}px`;
        box.setAttribute('aria-modal', dialog.kind === 'modal' ? 'true' : 'false');
      }
      const node = dialog.kind === 'modal' ? el('div', { class: 'va-backdrop' }, box) : box;
      layer.append(node);
      return { node, box, iframe, dialog };
    }

    // google.script from a dialog's iframe: only from an open one, answered to that iframe alone.
    window.addEventListener('message', async (event) => {
      const data = event.data;
      if (data === null || typeof data !== 'object' || data.vaAddonBridge !== 1) return;
      const frame = [...frames.values()].find((candidate) => candidate.iframe.contentWindow === event.source);
      if (frame === undefined) return;
      const id = frame.dialog.id;
      if (typeof data.run === 'string') {
        let reply;
        try {
          reply = await call('POST', `dialogs/${id}/run`, { fnName: data.run, args: data.args || [] });
        } catch (error) {
          reply = { ok: false, message: error.message };
        }
        event.source.postMessage({ vaAddonReply: data.call, ...reply }, '*');
        changed();
      } else if (data.host === 'close') {
        call('POST', `dialogs/${id}/close`).catch(() => undefined);
      } else if (data.host === 'setHeight' && frame.dialog.kind !== 'sidebar') {
        frame.iframe.style.height = `${data.value}px`;
      } else if (data.host === 'setWidth' && frame.dialog.kind !== 'sidebar') {
        frame.iframe.style.width = `${data.value}px`;
      } else if (data.host === 'focus') {
        frame.iframe.blur();
        if (focusEditor) focusEditor();
        else window.focus();
      }
    });

    function draw() {
      drawnFor = actingAs();
      drawQuestion();
      drawDialogs();
    }

    async function poll() {
      for (;;) {
        try {
          state = await call('GET', `state?after=${state.version}`);
          draw();
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    }
    // The page may change who acts at any time: their menu, alerts and dialogs replace the last one's.
    setInterval(() => {
      if (actingAs() === drawnFor) return;
      closeMenu();
      draw();
    }, 200);
    poll();
  }

  window.vaAddonUi = { mount };
})();
