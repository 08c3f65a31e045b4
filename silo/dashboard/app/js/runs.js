// Runs: every run with its status and progress, a form to start a run from a scenario file, and
// housekeeping: labels, filters, deleting a finished run (saying first what that frees), the
// runs of a comparison folded under it, and a grains link only while the run's grains are kept.

import { api, isAbort } from './api.js';
import { card, h, showError, statusBadge, table } from './dom.js';
import { dateTime, number, seconds } from './format.js';
import { href } from './routes.js';

const UNFINISHED = ['queued', 'running'];
const STATUS_FILTERS = [
  { value: '', label: 'Any status' },
  { value: 'active', label: 'Queued or running', test: r => UNFINISHED.includes(r.status) },
  { value: 'completed', label: 'Completed', test: r => r.status === 'completed' },
  { value: 'ended', label: 'Failed, cancelled or interrupted', test: r => ['failed', 'cancelled', 'interrupted'].includes(r.status) },
];

export async function render(root, { signal }) {
  const list = h('div', { id: 'runs-list' }, h('p', { class: 'muted' }, 'Loading runs…'));
  const status = h('select', { id: 'runs-status', 'aria-label': 'Status' }, STATUS_FILTERS.map(f => h('option', { value: f.value }, f.label)));
  const search = h('input', { id: 'runs-search', type: 'search', placeholder: 'run, scenario or label', 'aria-label': 'Find runs' });
  const message = h('div', { class: 'form-message', id: 'runs-message' });
  root.append(h('div', { class: 'cards' },
    card('Start a run', { wide: true, note: "a scenario file of the silo's library (scenarios/); to edit one first, see Experiment" }, startForm(signal)),
    card('Runs', { wide: true, note: "newest first; a comparison's runs are folded under it" },
      h('form', { class: 'filters', onsubmit: e => e.preventDefault() }, h('label', {}, 'Status', status), h('label', {}, 'Find', search)),
      message, list)));

  let timer = 0;
  let state = { runs: [], labels: {}, inspectable: new Set(), jobs: [] };
  const open = new Set();

  function show() {
    const filter = STATUS_FILTERS.find(f => f.value === status.value);
    const text = search.value.trim().toLowerCase();
    const shown = state.runs.filter(r => (!filter?.test || filter.test(r))
      && (!text || [r.id, r.scenario, state.labels[r.id] ?? ''].some(v => v.toLowerCase().includes(text))));
    list.replaceChildren(shown.length ? runsTable(shown, state, { open, toggle, label, remove }) : h('p', { class: 'muted' }, state.runs.length ? 'No run matches.' : 'No runs yet.'));
  }

  async function refresh() {
    clearTimeout(timer);
    try {
      const [runs, labels, inspectable, jobs] = await Promise.all([api.runs(signal), api.labels(signal), api.inspectable(signal), api.comparisonJobs(signal)]);
      state = { runs, labels, inspectable: new Set(inspectable.runIds), jobs };
      show();
      if (runs.some(r => UNFINISHED.includes(r.status))) timer = setTimeout(refresh, 1500);
    } catch (error) {
      if (!isAbort(error)) showError(list, error);
    }
  }

  function toggle(group) {
    if (open.has(group)) open.delete(group);
    else open.add(group);
    show();
  }

  async function label(run) {
    const text = window.prompt(`Label for run ${run.id} (empty to remove it):`, state.labels[run.id] ?? '');
    if (text === null) return;
    try {
      await api.setLabel(run.id, text);
      await refresh();
    } catch (error) {
      showError(message, error);
    }
  }

  async function remove(run) {
    try {
      const footprint = await api.footprint(run.id);
      const held = state.inspectable.has(run.id) ? ' and the grains the silo keeps for it' : '';
      if (!window.confirm(`Delete run ${run.id} (${run.scenario})? This frees ${freedText(footprint)}${held}. It cannot be undone.`)) return;
      const deleted = await api.deleteRun(run.id);
      message.replaceChildren(h('p', { class: 'ok', id: 'runs-deleted' },
        `Deleted ${run.id}: freed ${freedText(deleted.freed)}${deleted.grainsReleased ? ', and released its grains' : ''}.`));
      window.dispatchEvent(new Event('gbasim:runs-changed'));
      await refresh();
    } catch (error) {
      showError(message, error);
    }
  }

  status.addEventListener('change', show);
  search.addEventListener('input', show);
  await refresh();
  return () => clearTimeout(timer);
}

const freedText = f => `${number(f.months)} months, ${number(f.transitions)} chain transitions, ${number(f.flowRows)} flow rows, ${number(f.figureRows)} figure rows and ${number(f.policyRows)} policy rows`;

/** Rows of runs, with a comparison's runs behind one row that opens to show them. */
function runsTable(runs, state, actions) {
  const groupOf = new Map(state.jobs.flatMap(job => job.runIds.map(id => [id, job])));
  const rows = [];
  const seen = new Set();
  for (const run of runs) {
    const job = groupOf.get(run.id);
    if (!job) {
      rows.push({ run });
      continue;
    }
    if (seen.has(job.id)) continue;
    seen.add(job.id);
    const members = runs.filter(r => groupOf.get(r.id) === job);
    rows.push({ job, members });
    if (actions.open.has(job.id)) rows.push(...members.map(r => ({ run: r, member: true })));
  }
  return table([
    { title: 'Run', cell: row => (row.job ? groupCell(row, actions) : h('span', { class: row.member ? 'member' : null }, h('a', { href: href('live', row.run.id) }, row.run.id), labelBadge(state.labels[row.run.id]))) },
    { title: 'Scenario', cell: row => (row.job ? `${row.job.baseline} vs ${row.job.variants.join(', ')}` : h('span', { title: row.run.description ?? '' }, row.run.scenario)) },
    { title: 'Status', cell: row => statusBadge(row.job ? row.job.status : row.run.status) },
    { title: 'Months', cell: row => (row.job ? progressCell(row.job.monthsDone, row.job.monthsTotal) : progressCell(row.run.monthsDone, row.run.months)) },
    { title: 'Seed', cell: row => (row.job ? `${row.job.replications} replications` : row.run.seed), numeric: true },
    { title: 'Scale', cell: row => (row.job ? '' : number(row.run.scale)), numeric: true },
    { title: 'Created', cell: row => dateTime(row.job ? row.job.startedAt : row.run.createdAt) },
    { title: 'Time', cell: row => (row.job ? '' : seconds(row.run.seconds)), numeric: true },
    { title: 'Open', cell: row => (row.job ? jobLinks(row.job) : runLinks(row.run, state, actions)) },
  ], rows, row => (row.job
    ? { 'data-comparison-job': row.job.id, class: 'group' }
    : { 'data-run-id': row.run.id, 'data-status': row.run.status, class: row.member ? 'member' : null }));
}

function groupCell({ job, members }, actions) {
  const opened = actions.open.has(job.id);
  return h('button', { type: 'button', class: 'fold', 'aria-expanded': String(opened), onclick: () => actions.toggle(job.id) },
    `${opened ? '▾' : '▸'} comparison · ${members.length} runs`);
}

const progressCell = (done, total) => h('span', { class: 'progress-cell' }, h('progress', { max: total, value: done }), ` ${done} / ${total}`);

const labelBadge = label => (label ? h('span', { class: 'label' }, label) : null);

function jobLinks(job) {
  return h('span', { class: 'links' }, job.comparisonId ? h('a', { href: href('compare', job.comparisonId) }, 'report') : null);
}

function runLinks(run, state, actions) {
  const finished = !UNFINISHED.includes(run.status);
  return h('span', { class: 'links' },
    h('a', { href: href('live', run.id) }, 'live'),
    h('a', { href: href('chain', run.id) }, 'chain'),
    h('a', { href: href('traces', run.id) }, 'traces'),
    // The inspector reads a run's grains, which the silo keeps only for running and the newest finished runs.
    state.inspectable.has(run.id) ? h('a', { href: href('inspector', run.id, 'city', 'Shenzhen'), class: 'grains-link' }, 'grains') : null,
    h('button', { type: 'button', class: 'link-button label-run', onclick: () => actions.label(run) }, 'label'),
    finished ? h('button', { type: 'button', class: 'link-button delete-run', onclick: () => actions.remove(run) }, 'delete') : null);
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
