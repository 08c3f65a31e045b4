// Runs: every run with its status and progress, and a form to start a run from a scenario file.

import { api, isAbort } from './api.js';
import { card, h, showError, statusBadge, table } from './dom.js';
import { dateTime, number, seconds } from './format.js';
import { href } from './routes.js';

const UNFINISHED = ['queued', 'running'];

export async function render(root, { signal }) {
  const list = h('div', { id: 'runs-list' }, h('p', { class: 'muted' }, 'Loading runs…'));
  root.append(h('div', { class: 'cards' },
    card('Start a run', { wide: true, note: "a scenario file of the silo's library (scenarios/)" }, startForm(signal)),
    card('Runs', { wide: true, note: 'newest first; updates while runs go on' }, list)));

  let timer = 0;
  async function refresh() {
    try {
      const runs = await api.runs(signal);
      list.replaceChildren(runs.length ? runsTable(runs) : h('p', { class: 'muted' }, 'No runs yet.'));
      if (runs.some(r => UNFINISHED.includes(r.status))) timer = setTimeout(refresh, 1500);
    } catch (error) {
      if (!isAbort(error)) showError(list, error);
    }
  }
  await refresh();
  return () => clearTimeout(timer);
}

function runsTable(runs) {
  return table([
    { title: 'Run', cell: r => h('a', { href: href('live', r.id) }, r.id) },
    { title: 'Scenario', cell: r => h('span', { title: r.description ?? '' }, r.scenario) },
    { title: 'Status', cell: r => statusBadge(r.status) },
    { title: 'Months', cell: r => h('span', { class: 'progress-cell' }, h('progress', { max: r.months, value: r.monthsDone }), ` ${r.monthsDone} / ${r.months}`) },
    { title: 'Seed', cell: r => r.seed, numeric: true },
    { title: 'Scale', cell: r => number(r.scale), numeric: true },
    { title: 'Created', cell: r => dateTime(r.createdAt) },
    { title: 'Time', cell: r => seconds(r.seconds), numeric: true },
    {
      title: 'Open',
      cell: r => h('span', { class: 'links' },
        h('a', { href: href('live', r.id) }, 'live'),
        h('a', { href: href('traces', r.id) }, 'traces'),
        h('a', { href: href('inspector', r.id, 'city', 'Shenzhen') }, 'grains')),
    },
  ], runs, r => ({ 'data-run-id': r.id, 'data-status': r.status }));
}

function startForm(signal) {
  const scenario = h('select', { id: 'scenario-select', required: true }, h('option', { value: '' }, 'Loading scenarios…'));
  const seed = h('input', { id: 'seed-input', type: 'number', min: 0, step: 1, placeholder: "scenario's" });
  const scale = h('input', { id: 'scale-input', type: 'number', min: 0.001, max: 20, step: 'any', placeholder: "scenario's" });
  const start = h('button', { id: 'start-run', type: 'submit' }, 'Start run');
  const message = h('div', { class: 'form-message' });
  const form = h('form', { class: 'start-form', id: 'start-form' },
    h('label', {}, 'Scenario', scenario),
    h('label', {}, 'Seed', seed),
    h('label', {}, 'Firm sample scale', scale),
    start,
    message);

  api.scenarios(signal).then(scenarios => {
    scenario.replaceChildren(...scenarios.map(s => h('option', { value: s.path, selected: s.path === 'gba-small.yaml' },
      `${s.name} — ${s.path} (${s.months} months, scale ${s.scale}${s.policies.length ? `, ${s.policies.length} polic${s.policies.length === 1 ? 'y' : 'ies'}` : ''})`)));
  }).catch(error => {
    if (!isAbort(error)) showError(message, error);
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    start.disabled = true;
    message.replaceChildren();
    try {
      const run = await api.startRun(scenario.value, { seed: seed.value, scale: scale.value });
      window.location.hash = href('live', run.id);
    } catch (error) {
      showError(message, error);
      start.disabled = false;
    }
  });
  return form;
}
