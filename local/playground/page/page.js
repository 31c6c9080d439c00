import { drawTab, drawTabs } from './grid.js';

/**
 * The playground page: reads the spreadsheet as the person acting sees it, repaints whenever the
 * server says the workbook changed (server-sent events), and sends what a person types or pastes.
 * Everything is checked on the server; the page only shows what the workbook holds.
 */
const state = {
  sheetId: undefined,
  title: undefined,
  revision: 0,
  shownRevision: -1,
  loading: false,
  selected: undefined,
};
const $ = (id) => document.getElementById(id);

async function api(path, body) {
  const response = await fetch(`/playground/api/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error?.message ?? `${response.status}`);
  return answer;
}

function showAlert(message) {
  $('sheet-alert-text').textContent = message;
  $('sheet-alert').hidden = false;
  $('sheet-alert-ok').focus();
}
$('sheet-alert-ok').addEventListener('click', () => {
  $('sheet-alert').hidden = true;
});

function drawPeople(people, actingAs) {
  const select = $('acting-as');
  if (select.options.length !== people.length) {
    select.replaceChildren(
      ...people.map((person) => {
        const option = document.createElement('option');
        option.value = person.email;
        option.textContent = person.label;
        return option;
      }),
    );
  }
  select.value = actingAs;
}

function drawBackend(running, outbox) {
  $('backend-toggle').textContent = running ? 'Stop the backend' : 'Start the backend';
  $('backend-toggle').dataset.running = String(running);
  const status = $('backend-status');
  status.classList.toggle('down', !running);
  status.textContent = `${running ? 'Backend running' : 'Backend stopped'} · outbox: ${outbox} edit${outbox === 1 ? '' : 's'} waiting`;
}

async function load() {
  if (state.loading) return;
  state.loading = true;
  try {
    do {
      const target = state.revision;
      const query =
        state.sheetId === undefined
          ? ''
          : `?sheetId=${state.sheetId}&title=${encodeURIComponent(state.title ?? '')}`;
      const view = await api(`state${query}`);
      const sheet = view.spreadsheet;
      // The tab the person chose stays chosen while it is missing (Reset makes the tabs again).
      if (state.title === undefined || state.title === sheet.tab.title) {
        state.sheetId = sheet.tab.sheetId;
        state.title = sheet.tab.title;
      }
      $('doc-title').textContent = sheet.title;
      drawPeople(view.people, view.actingAs);
      drawBackend(view.backendRunning, view.outbox);
      drawTabs($('tab-bar'), sheet.tabs, sheet.tab.sheetId, (sheetId) => {
        state.sheetId = sheetId;
        state.title = sheet.tabs.find((tab) => tab.sheetId === sheetId)?.title;
        state.selected = undefined;
        state.revision += 1;
        void load();
      });
      drawTab($('grid'), sheet.tab);
      if (state.selected !== undefined) select(document.querySelector(`td[data-a1="${state.selected}"]`));
      state.shownRevision = Math.max(target, sheet.revision);
      document.body.dataset.revision = String(state.shownRevision);
      // Whom the grid on screen is drawn for (their protections, their menu): tests wait on it.
      document.body.dataset.actingAs = view.actingAs;
    } while (state.shownRevision < state.revision);
  } finally {
    state.loading = false;
  }
}

function select(td) {
  for (const old of document.querySelectorAll('td.selected')) old.classList.remove('selected');
  if (td === null || td === undefined) return;
  td.classList.add('selected');
  state.selected = td.dataset.a1;
}
const selectedCell = () =>
  state.selected === undefined ? null : document.querySelector(`td[data-a1="${state.selected}"]`);

function startEditing(td, text) {
  const editor = $('cell-editor');
  const box = td.getBoundingClientRect();
  Object.assign(editor.style, {
    left: `${box.left}px`,
    top: `${box.top}px`,
    width: `${Math.max(box.width, 120)}px`,
    height: `${box.height}px`,
  });
  editor.value = text;
  editor.dataset.a1 = td.dataset.a1;
  // A cell left as it was is no edit: Sheets fires no onEdit for it.
  editor.dataset.original = td.textContent;
  editor.hidden = false;
  editor.focus();
}

async function send(td, a1, values) {
  const before = td?.textContent;
  // Sheets shows what was typed at once; the add-on's colour and note follow.
  if (td !== null && values.length === 1 && values[0].length === 1) td.textContent = values[0][0];
  try {
    await api('edit', { a1, values });
  } catch (error) {
    if (td !== null) td.textContent = before;
    showAlert(error.message);
  }
}

function commitEditing(move) {
  const editor = $('cell-editor');
  if (editor.hidden) return;
  editor.hidden = true;
  const td = document.querySelector(`td[data-a1="${editor.dataset.a1}"]`);
  if (editor.value !== editor.dataset.original) void send(td, editor.dataset.a1, [[editor.value]]);
  if (move && td !== null) {
    const below = document.querySelector(
      `td[data-row="${Number(td.dataset.row) + 1}"][data-column="${td.dataset.column}"]`,
    );
    if (below !== null) select(below);
  }
}

$('cell-editor').addEventListener('keydown', (event) => {
  // The sheet's own keys (Enter opens the selected cell) must not see the key that closed the editor.
  event.stopPropagation();
  if (event.key === 'Enter' || event.key === 'Tab') {
    event.preventDefault();
    commitEditing(event.key === 'Enter');
  } else if (event.key === 'Escape') $('cell-editor').hidden = true;
});
$('cell-editor').addEventListener('blur', () => commitEditing(false));

$('grid').addEventListener('click', (event) => {
  const td = event.target.closest('td');
  if (td === null) return;
  select(td);
  // Keys go to the sheet now, not to the toolbar control used last.
  $('grid-scroll').focus();
});
$('grid').addEventListener('dblclick', (event) => {
  const td = event.target.closest('td');
  if (td !== null) startEditing(td, td.textContent);
});

document.addEventListener('keydown', (event) => {
  if (!$('cell-editor').hidden || !$('sheet-alert').hidden) return;
  if (event.target instanceof HTMLSelectElement || event.target instanceof HTMLButtonElement) return;
  const td = selectedCell();
  if (td === null || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === 'Enter' || event.key === 'F2') {
    event.preventDefault();
    startEditing(td, td.textContent);
  } else if (event.key.length === 1) {
    event.preventDefault();
    startEditing(td, event.key);
  }
});

/** A block copied from a spreadsheet or a text file arrives as tab-separated lines, as in Sheets. */
document.addEventListener('paste', (event) => {
  if (!$('cell-editor').hidden) return;
  const td = selectedCell();
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (td === null || text === '') return;
  event.preventDefault();
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  void send(
    null,
    td.dataset.a1,
    lines.map((line) => line.split('\t')),
  );
});

$('grid').addEventListener('mouseover', (event) => {
  const td = event.target.closest('td.has-note');
  const popup = $('note-popup');
  if (td === null) {
    popup.hidden = true;
    return;
  }
  const box = td.getBoundingClientRect();
  popup.textContent = td.dataset.note;
  popup.hidden = false;
  // Beside the cell, as Sheets shows a note; on its left when the right edge of the window is near.
  const right = box.right + 4 + popup.offsetWidth <= window.innerWidth;
  popup.style.left = `${right ? box.right + 4 : Math.max(0, box.left - 4 - popup.offsetWidth)}px`;
  popup.style.top = `${box.top}px`;
});
$('grid').addEventListener('mouseleave', () => {
  $('note-popup').hidden = true;
});

$('acting-as').addEventListener('change', async (event) => {
  try {
    await api('acting-as', { email: event.target.value });
  } catch (error) {
    showAlert(error.message);
  }
});
$('backend-toggle').addEventListener('click', async () => {
  const running = $('backend-toggle').dataset.running === 'true';
  await api('backend', { running: !running });
});
$('reset').addEventListener('click', async () => {
  $('reset').disabled = true;
  try {
    await api('reset', {});
  } finally {
    $('reset').disabled = false;
  }
});

const events = new EventSource('/playground/events');
events.addEventListener('message', (event) => {
  state.revision = Math.max(state.revision, Number(event.data));
  void load();
});

// The add-on's menu, sidebars and dialogs (local/playground/addon-ui), when built.
const addonUi = document.createElement('script');
addonUi.src = '/playground/addon/addon-ui.js';
addonUi.addEventListener('load', () => {
  window.vaAddonUi?.mount({
    menuElement: $('addon-menu'),
    actingAs: () => $('acting-as').value,
    selection: () => state.selected,
    onChange: () => {
      state.revision += 1;
      void load();
    },
  });
});
document.head.append(addonUi);
void load();
