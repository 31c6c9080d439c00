/**
 * Draws one tab as Google Sheets does: column letters and row numbers, frozen rows that stay in view,
 * column widths, wrapped text, backgrounds, a note's corner mark, locked (protected) cells hatched.
 * Each value cell carries its A1 address (data-a1) for the editor and for tests.
 */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index) {
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** "Metrics!H7"; a title with spaces or punctuation is quoted, as Sheets writes it. */
export function a1Of(title, row, column) {
  const sheet = /^[A-Za-z0-9_]+$/.test(title) ? title : `'${title.replaceAll("'", "''")}'`;
  return `${sheet}!${columnLetters(column)}${row + 1}`;
}

function headerRow(tab) {
  const row = document.createElement('tr');
  row.className = 'column-letters';
  const corner = document.createElement('th');
  corner.className = 'row-number';
  row.append(corner);
  for (const column of tab.columns) {
    const th = document.createElement('th');
    th.textContent = columnLetters(column.index);
    row.append(th);
  }
  return row;
}

function cellElement(tab, row, column, cell) {
  const td = document.createElement('td');
  td.dataset.a1 = a1Of(tab.title, row.index, column.index);
  td.dataset.row = String(row.index);
  td.dataset.column = String(column.index);
  td.textContent = cell.text ?? '';
  if (cell.background !== undefined) td.style.backgroundColor = cell.background;
  if (cell.wrap) td.classList.add('wrap');
  if (cell.bold) td.classList.add('bold');
  if (cell.number) td.classList.add('number');
  if (cell.align !== undefined) td.style.textAlign = cell.align;
  if (cell.locked) td.classList.add('locked');
  if (cell.note !== undefined) {
    td.classList.add('has-note');
    td.dataset.note = cell.note;
  }
  return td;
}

/** Replaces the table's content with `tab`; frozen rows stick under the column letters. */
export function drawTab(table, tab) {
  const colgroup = document.createElement('colgroup');
  const numbers = document.createElement('col');
  numbers.style.width = '46px';
  colgroup.append(numbers);
  let width = 46;
  for (const column of tab.columns) {
    const col = document.createElement('col');
    col.style.width = `${column.width}px`;
    width += column.width;
    colgroup.append(col);
  }
  const head = document.createElement('thead');
  head.append(headerRow(tab));
  const body = document.createElement('tbody');
  const frozen = [];
  for (const row of tab.rows) {
    const tr = document.createElement('tr');
    const number = document.createElement('th');
    number.className = 'row-number';
    number.textContent = String(row.index + 1);
    tr.append(number);
    if (row.height !== undefined) tr.style.height = `${row.height}px`;
    tab.columns.forEach((column, position) => {
      tr.append(cellElement(tab, row, column, row.cells[position] ?? {}));
    });
    if (row.index < tab.frozenRows) {
      tr.classList.add('frozen');
      frozen.push(tr);
      head.append(tr);
    } else body.append(tr);
  }
  frozen.at(-1)?.classList.add('last');
  table.replaceChildren(colgroup, head, body);
  table.style.width = `${width}px`;
  // Each frozen row sticks just below the ones above it (their drawn heights, wrapped text included).
  let top = head.rows[0]?.offsetHeight ?? 21;
  for (const tr of frozen) {
    for (const cell of tr.children) cell.style.top = `${top}px`;
    top += tr.offsetHeight;
  }
}

/** The tab bar at the bottom: one button per visible tab. */
export function drawTabs(bar, tabs, selectedId, onSelect) {
  bar.replaceChildren(
    ...tabs.map((tab) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.role = 'tab';
      button.textContent = tab.title;
      button.setAttribute('aria-selected', String(tab.sheetId === selectedId));
      button.addEventListener('click', () => onSelect(tab.sheetId));
      return button;
    }),
  );
}
