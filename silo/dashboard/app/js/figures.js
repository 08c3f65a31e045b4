// The figure catalogue (GET /api/figures): the labels, units, definitions and number formats the
// CLI and the HTML report use too, so a figure reads the same everywhere.

import { formatFigure } from '../api/figures/format.js';

let catalogue;

/** The catalogue, fetched once per page. */
export function loadFigures() {
  catalogue ??= fetch('api/figures', { headers: { Accept: 'application/json' } }).then(r => (r.ok ? r.json() : []));
  return catalogue;
}

/** A figure's entry of a kind (summary, monthly, statistic), or a plain one naming the key. */
export function figure(figures, name, kind = 'summary') {
  return figures.find(f => f.name === name && f.kind === kind)
    ?? { name, kind, label: name, short: name, heading: name, definition: '', unit: '', format: 'plain' };
}

/** Keys in the catalogue's order of meaning; unknown ones last. */
export function ordered(figures, names, kind = 'summary') {
  const rank = name => {
    const i = figures.findIndex(f => f.name === name && f.kind === kind);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Yuan in 万/亿 when the browser prefers Chinese, as the CLI does under a Chinese locale. */
const style = (navigator.language ?? '').toLowerCase().startsWith('zh') ? 'Chinese' : 'Western';

export const format = (entry, value) => formatFigure(entry, typeof value === 'number' ? value : null, style);
