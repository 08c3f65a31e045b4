// Building the page: a tiny element helper and a table, so views read as what they show.

// Control characters (but tab and line feed) and the invisible ones that reorder or hide text
// (bidirectional overrides and isolates such as U+202E, zero-width marks).
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** Text from elsewhere (names, errors) with its control and invisible characters shown escaped, e.g. \u202e. */
export const visible = text => String(text).replace(INVISIBLE, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * An element with attributes (on* are event handlers) and children. Strings become text nodes
 * (never HTML), with control and invisible characters shown escaped; so do attribute values.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : visible(value));
  }
  element.append(...children.flat(Infinity).filter(c => c !== undefined && c !== null && c !== false)
    .map(c => (c instanceof Node ? c : visible(c))));
  return element;
}

/** A table of rows: columns are { title, cell(row) }; rowAttributes(row) gives each row's attributes. */
export function table(columns, rows, rowAttributes = () => ({})) {
  return h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { class: c.numeric ? 'num' : null }, c.title)))),
    h('tbody', {}, rows.map(row => h('tr', rowAttributes(row), columns.map(c => h('td', { class: c.numeric ? 'num' : null }, c.cell(row)))))));
}

/** A titled card of the view's grid; wide cards span both columns. */
export function card(title, { id, wide = false, note } = {}, ...body) {
  return h('section', { class: wide ? 'card wide' : 'card', id },
    h('header', {}, h('h2', {}, title), note ? h('span', { class: 'note' }, note) : null),
    body);
}

/** A card of one figure of the catalogue: titled with its label and unit, its definition on hover. */
export function figureCard(entry, options, ...body) {
  const section = card('', options, ...body);
  titleCard(section, entry);
  return section;
}

/** Gives a figure card another figure (a view's picker changed what it charts). */
export function titleCard(section, entry) {
  const title = section.querySelector('h2');
  title.textContent = visible(entry.heading);
  title.title = visible(entry.definition);
  title.dataset.figure = entry.name;
  title.dataset.kind = entry.kind;
}

/** A chart's container; charts.js draws into it. */
export const chartBox = (id, height = 320) => h('div', { class: 'chart', id, style: `height:${height}px` });

export const statusBadge = status => h('span', { class: `status status-${status.replace(/\s+/g, '-')}` }, status);

/** Shows what went wrong in place of a view or a card's content. */
export function showError(container, error) {
  container.replaceChildren(h('p', { class: 'error', role: 'alert' }, error?.message ?? String(error)));
}

/** Text made safe for the HTML of chart tooltips (the one place the dashboard writes HTML). */
export const escapeHtml = text => visible(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
