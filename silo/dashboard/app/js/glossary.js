// Glossary: every figure the dashboard, the CLI and the report show, from the one catalogue
// (GET /api/figures): its label, what it counts, its unit, the cities it covers and its period.

import { card, h, table } from './dom.js';
import { loadFigures } from './figures.js';

const KINDS = [
  { kind: 'summary', title: "A run's headline figures", note: 'also what comparisons compare' },
  { kind: 'monthly', title: 'Figures of a month', note: 'each city, and the region as their sum' },
  { kind: 'chain', title: 'The chain', note: 'stage counts the chain charts draw' },
  { kind: 'flow', title: 'Flows between the cities', note: 'what the chord and the map draw' },
  { kind: 'statistic', title: 'Columns of a comparison', note: 'paired statistics over replications, costs per outcome' },
];

export async function render(root) {
  const figures = await loadFigures();
  const find = h('input', { id: 'glossary-find', type: 'search', placeholder: 'label, key or words of a definition', 'aria-label': 'Find a figure', size: 40 });
  const sections = KINDS.map(k => ({ ...k, rows: figures.filter(f => f.kind === k.kind) })).filter(k => k.rows.length);
  const body = h('div', { id: 'glossary' });

  function show() {
    const text = find.value.trim().toLowerCase();
    const matches = f => !text || [f.name, f.label, f.definition].some(v => (v ?? '').toLowerCase().includes(text));
    body.replaceChildren(...sections.map(section => card(section.title, { wide: true, note: section.note },
      table([
        { title: 'Figure', cell: f => h('strong', {}, f.label) },
        { title: 'What it counts', cell: f => f.definition },
        { title: 'Unit', cell: f => f.unit },
        { title: 'Cities', cell: f => f.scope },
        { title: 'Key', cell: f => h('code', {}, f.name) },
      ], section.rows.filter(matches), f => ({ 'data-figure': f.name, 'data-kind': f.kind })))));
  }

  find.addEventListener('input', show);
  root.append(h('div', { class: 'view-header' }, h('h1', {}, 'Glossary of figures'), h('label', {}, 'Find ', find)), body);
  show();
}
