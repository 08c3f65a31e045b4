// Experiments from the dashboard: edit or upload a scenario with completion and live validation,
// run it, or compare variants with a baseline over replications (a sweep is a variant with a
// sweep: section) on the silo, follow the comparison and open its report.

import { api, isAbort } from './api.js';
import { card, h, showError, statusBadge, table } from './dom.js';
import { scenarioEditor } from './editor.js';
import { dateTime, number } from './format.js';
import { href } from './routes.js';
import { loadSchema } from './scenario-schema.js';

const JOB_POLL_MS = 1000;
const EDITED = '(the edited scenario)';

export async function render(root, { signal }) {
  const [scenarios] = await Promise.all([api.scenarios(signal), loadSchema()]);
  const paths = scenarios.map(s => s.path);
  const first = paths.includes('gba-small.yaml') ? 'gba-small.yaml' : paths[0];

  // The editor and its file.
  const from = h('select', { id: 'editor-file', 'aria-label': 'Scenario file' }, paths.map(p => h('option', { value: p, selected: p === first }, p)));
  const path = h('input', { id: 'editor-path', value: first ?? 'submitted.yaml', size: 34, title: "The library path the text is read as: its extends and world resolve from there" });
  const upload = h('input', { id: 'editor-upload', type: 'file', accept: '.yaml,.yml,text/yaml' });
  const status = h('p', { id: 'editor-status', class: 'muted', role: 'status' }, 'Validating…');
  const seed = h('input', { id: 'editor-seed', type: 'number', min: 0, step: 1, placeholder: "scenario's" });
  const scale = h('input', { id: 'editor-scale', type: 'number', min: 0.001, max: 1, step: 'any', placeholder: "scenario's" });
  const run = h('button', { id: 'editor-run', type: 'button' }, 'Start a run');
  const message = h('div', { class: 'form-message', id: 'editor-message' });
  const host = h('div', { id: 'scenario-editor', class: 'editor' });

  // The comparison's choices.
  const baseline = h('select', { id: 'compare-baseline', 'aria-label': 'Baseline' }, [EDITED, ...paths].map(p => h('option', { value: p, selected: p === first }, p)));
  const variants = h('div', { id: 'compare-variants', class: 'checks' },
    [EDITED, ...paths].map(p => h('label', {}, h('input', { type: 'checkbox', value: p }), ` ${p}`)));
  const replications = h('input', { id: 'compare-replications', type: 'number', min: 2, max: 100, step: 1, value: 3 });
  const compareScale = h('input', { id: 'compare-scale', type: 'number', min: 0.001, max: 1, step: 'any', placeholder: "scenario's" });
  const fork = h('input', { id: 'compare-fork', placeholder: 'YYYY-MM (optional)', size: 12 });
  const start = h('button', { id: 'compare-start', type: 'button' }, 'Start the comparison');
  const progress = h('div', { id: 'compare-progress' });
  const jobs = h('div', { id: 'compare-jobs' });

  root.append(
    h('div', { class: 'view-header' }, h('h1', {}, 'Experiment')),
    h('div', { class: 'cards' },
      card('Scenario', { wide: true, note: 'YAML with completion (Ctrl-Space) from the scenario schema; the silo checks it as you type' },
        h('div', { class: 'start-form' }, h('label', {}, 'Start from', from), h('label', {}, 'Read as', path), h('label', {}, 'or upload', upload)),
        host, status,
        h('div', { class: 'start-form' }, h('label', {}, 'Seed', seed), h('label', {}, 'Firm sample scale', scale), run),
        message),
      card('Compare', { wide: true, note: 'common random numbers: replication i has the same seed in every scenario' },
        h('div', { class: 'start-form' }, h('label', {}, 'Baseline', baseline), h('label', {}, 'Replications', replications),
          h('label', {}, 'Firm sample scale', compareScale), h('label', {}, 'Fork at', fork)),
        h('p', { class: 'muted' }, 'Variants (a file with a sweep: section runs once per point of its sweep):'),
        variants, start, progress),
      card('Comparisons on this silo', { wide: true, note: 'since it started; each opens as a report' }, jobs)));

  let valid = false;
  const editor = scenarioEditor(host, {
    validate: text => api.validate(text, path.value),
    onValidated: errors => {
      valid = errors.length === 0;
      status.className = valid ? 'ok' : 'error';
      status.textContent = valid ? 'Valid.' : `${errors.length} error${errors.length === 1 ? '' : 's'}: ${errors.map(e => `${e.file}:${e.line}:${e.column}: ${e.message}`).join('; ')}`;
      run.disabled = !valid;
    },
  });

  async function load(file) {
    const text = await api.scenarioText(file, signal);
    // The path first: the text is validated as read from there.
    path.value = file;
    editor.setText(text);
  }
  path.addEventListener('change', () => editor.revalidate());
  from.addEventListener('change', () => load(from.value).catch(error => showError(message, error)));
  upload.addEventListener('change', async () => {
    const file = upload.files?.[0];
    if (file) editor.setText(await file.text());
  });

  run.addEventListener('click', async () => {
    run.disabled = true;
    message.replaceChildren();
    try {
      const started = await api.submitScenario(editor.text(), path.value, { seed: seed.value, scale: scale.value });
      window.location.hash = href('live', started.id);
    } catch (error) {
      showError(message, error);
      run.disabled = false;
    }
  });

  /** A scenario of the comparison: a library file, or the edited text read as its path. */
  const source = choice => (choice === EDITED ? { path: path.value, text: editor.text() } : { path: choice });

  let poll = 0;
  async function follow(id) {
    clearTimeout(poll);
    try {
      const job = await api.comparisonJob(id, signal);
      progress.replaceChildren(jobLine(job));
      if (job.status === 'running') poll = setTimeout(() => follow(id), JOB_POLL_MS);
      else showJobs();
    } catch (error) {
      if (!isAbort(error)) showError(progress, error);
    }
  }

  start.addEventListener('click', async () => {
    const chosen = [...variants.querySelectorAll('input:checked')].map(i => i.value);
    progress.replaceChildren();
    try {
      const job = await api.startComparison({
        baseline: source(baseline.value), variants: chosen.map(source),
        replications: Number(replications.value), scale: compareScale.value ? Number(compareScale.value) : null, forkAt: fork.value || null,
      });
      showJobs();
      follow(job.id);
    } catch (error) {
      showError(progress, error);
    }
  });

  async function showJobs() {
    try {
      const list = await api.comparisonJobs(signal);
      jobs.replaceChildren(list.length ? jobsTable(list) : h('p', { class: 'muted' }, 'None yet.'));
    } catch (error) {
      if (!isAbort(error)) showError(jobs, error);
    }
  }

  await Promise.all([load(first), showJobs()]);
  return () => {
    clearTimeout(poll);
    editor.destroy();
  };
}

function jobLine(job) {
  return h('div', { class: 'progress-line', 'data-status': job.status },
    statusBadge(job.status),
    h('progress', { max: job.monthsTotal, value: job.monthsDone }),
    h('span', { class: 'muted' }, `${number(job.monthsDone)} of ${number(job.monthsTotal)} months · ${job.progress}`),
    job.comparisonId ? h('a', { id: 'compare-report', href: href('compare', job.comparisonId) }, 'Open its report') : null,
    job.error ? h('span', { class: 'error' }, job.error) : null);
}

function jobsTable(list) {
  return table([
    { title: 'Started', cell: j => dateTime(j.startedAt) },
    { title: 'Baseline', cell: j => j.baseline },
    { title: 'Variants', cell: j => j.variants.join(', ') },
    { title: 'Replications', cell: j => j.replications, numeric: true },
    { title: 'Status', cell: j => statusBadge(j.status) },
    { title: 'Report', cell: j => (j.comparisonId ? h('a', { href: href('compare', j.comparisonId) }, 'open') : `${number(j.monthsDone)} / ${number(j.monthsTotal)} months`) },
  ], list, j => ({ 'data-job': j.id }));
}
