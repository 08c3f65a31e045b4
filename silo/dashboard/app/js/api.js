// The silo's API, as the dashboard uses it. Paths are relative, so the dashboard works wherever the silo serves it.

/** An API answer that was not a success, with the problem's detail when the silo gave one. */
class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `The silo answered ${status}.`);
    this.status = status;
  }
}

/** A silo with an API key answers 401 once the login has lapsed: its login page asks for the key again, then comes back here. */
function logInAgain() {
  const back = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  window.location.assign(`login?ReturnUrl=${encodeURIComponent(back)}`);
}

/** Technology ids reach 2^61, beyond a JavaScript number's exact integers: such values keep their digits, as text. */
function exactIntegers(key, value, context) {
  return Number.isInteger(value) && !Number.isSafeInteger(value) && context?.source ? context.source : value;
}

async function request(path, options = {}) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, ...options });
  if (response.status === 401) logInAgain();
  if (!response.ok) {
    let detail = '';
    try {
      detail = (await response.json()).detail ?? '';
    } catch {
      // Not a problem document; the status says enough.
    }
    throw new ApiError(response.status, detail);
  }
  return JSON.parse(await response.text(), exactIntegers);
}

const run = id => `api/runs/${encodeURIComponent(id)}`;

function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Sends YAML; a refusal's problem document (with its scenario errors) is kept on the error. */
async function sendYaml(path, text) {
  const response = await fetch(path, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/yaml' }, body: text });
  if (response.status === 401) logInAgain();
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new ApiError(response.status, body.detail ?? '');
    error.errors = body.errors ?? [];
    throw error;
  }
  return body;
}

const json = body => ({ method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export const api = {
  runs: signal => request('api/runs', { signal }),
  run: (id, signal) => request(run(id), { signal }),
  scenarios: signal => request('api/scenarios', { signal }),
  startRun: (scenario, { seed, scale } = {}) => request(`api/runs${query({ scenario, seed, scale })}`, { method: 'POST' }),
  scenarioText: (path, signal) => fetch(`api/scenarios/file/${path.split('/').map(encodeURIComponent).join('/')}`, { signal })
    .then(r => (r.ok ? r.text() : Promise.reject(new ApiError(r.status, `The library has no file '${path}'.`)))),
  /** Validates YAML read as the library file path: { errors: [] } when valid, else the errors with file, line and column. */
  validate: (text, path) => sendYaml(`api/scenarios/validate${query({ path })}`, text)
    .then(info => ({ info, errors: [] }), error => (error.errors?.length ? { errors: error.errors } : { errors: [{ file: path || 'scenario', line: 0, column: 0, message: error.message }] })),
  submitScenario: (text, path, { seed, scale } = {}) => sendYaml(`api/runs${query({ path, seed, scale })}`, text),
  labels: signal => request('api/runs/labels', { signal }),
  setLabel: (id, label) => request(`${run(id)}/label`, { ...json({ label }), method: 'PUT' }),
  inspectable: signal => request('api/runs/inspectable', { signal }),
  footprint: id => request(`${run(id)}/footprint`),
  deleteRun: id => request(run(id), { method: 'DELETE' }),
  startComparison: body => request('api/comparisons/jobs', json(body)),
  comparisonJobs: signal => request('api/comparisons/jobs', { signal }),
  comparisonJob: (id, signal) => request(`api/comparisons/jobs/${encodeURIComponent(id)}`, { signal }),
  chain: (id, signal) => request(`${run(id)}/chain`, { signal }),
  flows: (id, kind, signal) => request(`${run(id)}/flows${query({ kind })}`, { signal }),
  chainMonths: (id, filters, signal) => request(`${run(id)}/chain/months${query(filters)}`, { signal }),
  flowMonths: (id, kind, signal) => request(`${run(id)}/flows/months${query({ kind })}`, { signal }),
  map: (id, signal) => request(`${run(id)}/map`, { signal }),
  stageStyles: () => request('api/chain/stages'),
  policies: (id, signal) => request(`${run(id)}/policies`, { signal }),
  technologies: (id, filters, signal) => request(`${run(id)}/technologies${query(filters)}`, { signal }),
  journey: (id, technologyId, signal) => request(`${run(id)}/technologies/${technologyId}`, { signal }),
  trace: (id, signal) => request(`${run(id)}/trace`, { signal }),
  grain: (id, type, key, signal) => request(`${run(id)}/grains/${encodeURIComponent(type)}/${encodeURIComponent(key)}`, { signal }),
  cityActivity: (id, city, signal) => request(`${run(id)}/cities/${encodeURIComponent(city)}/activity`, { signal }),
  comparisons: signal => request('api/comparisons', { signal }),
  comparison: (id, signal) => request(`api/comparisons/${encodeURIComponent(id)}`, { signal }),
  /** Server-sent events of a run: 'month' events as months finish, then one 'status' event. */
  events: id => new EventSource(`${run(id)}/events`),
};

/** True for the error of a request that was abandoned because its view closed. */
export const isAbort = error => error?.name === 'AbortError';
