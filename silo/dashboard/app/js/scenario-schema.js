// Completion for the scenario editor from the scenario JSON Schema (scenario.schema.json, the
// same file editors and the silo's docs use): at a key, the keys the schema allows there; after
// "key:", the values it lists for that key. The YAML path comes from indentation alone, which is
// how scenario files are written.

let schema = null;

/** Loads the schema once; the silo serves it beside the dashboard. */
export async function loadSchema() {
  schema ??= await (await fetch('scenario.schema.json')).json();
  return schema;
}

function resolve(node) {
  let current = node;
  while (current?.$ref) current = current.$ref.split('/').slice(1).reduce((n, part) => n?.[part], schema);
  return current;
}

/** The properties an object node allows, with those of its allOf/if/then branches (policies vary by type). */
function properties(node) {
  const resolved = resolve(node);
  const all = { ...(resolved?.properties ?? {}) };
  for (const branch of resolved?.allOf ?? []) {
    Object.assign(all, resolve(branch)?.properties ?? {}, resolve(branch?.then)?.properties ?? {});
  }
  return all;
}

/** The schema node at a path of keys (a number stands for a list item). */
function nodeAt(path) {
  let node = schema;
  for (const part of path) {
    node = typeof part === 'number' ? resolve(node)?.items : properties(node)[part];
    if (!node) return null;
  }
  return resolve(node);
}

const indentOf = line => line.match(/^ */)[0].length;

/** The keys leading to a line, found by walking up to each less-indented "key:" or "- " above it. */
function pathAbove(lines, lineIndex, indent) {
  const path = [];
  let limit = indent;
  for (let i = lineIndex - 1; i >= 0 && limit > 0; i--) {
    const text = lines[i];
    if (!text.trim() || text.trim().startsWith('#')) continue;
    const lineIndent = indentOf(text);
    const item = text.slice(lineIndent).match(/^-\s+(?:([\w.-]+)\s*:)?/);
    if (item && lineIndent < limit) {
      // A list item: its own key (if any) is a sibling at the item's content indent.
      path.unshift(0);
      limit = lineIndent;
      continue;
    }
    const key = text.slice(lineIndent).match(/^([\w.-]+)\s*:/);
    if (key && lineIndent < limit) {
      path.unshift(key[1]);
      limit = lineIndent;
    }
  }
  return path;
}

/** A CodeMirror completion source over the schema. */
export function scenarioCompletion(context) {
  if (!schema) return null;
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const lines = context.state.doc.toString().split('\n');
  const lineIndex = line.number - 1;

  const value = before.match(/^(\s*(?:-\s+)?)([\w.-]+)\s*:\s*([\w.-]*)$/);
  if (value) {
    const indent = value[1].length;
    const path = [...pathAbove(lines, lineIndex, value[1].includes('-') ? indentOf(before) + 1 : indent), ...(value[1].includes('-') ? [0] : [])];
    const node = resolve(properties(nodeAt(path))[value[2]]);
    const options = (node?.enum ?? (node?.type === 'boolean' ? [true, false] : [])).map((v, i) => ({
      label: String(v), type: 'enum', info: node.enumDescriptions?.[i] ?? node.description,
    }));
    if (!options.length) return null;
    return { from: context.pos - value[3].length, options, validFor: /^[\w.-]*$/ };
  }

  const key = before.match(/^(\s*)(-\s+)?([\w.-]*)$/);
  if (!key || (!context.explicit && !key[3] && !key[2])) return null;
  const indent = key[1].length + (key[2]?.length ?? 0);
  const path = key[2] ? [...pathAbove(lines, lineIndex, key[1].length + 1), 0] : pathAbove(lines, lineIndex, indent);
  const allowed = properties(nodeAt(path));
  const options = Object.entries(allowed).map(([name, spec]) => ({
    label: name, type: 'property', apply: `${name}: `, info: resolve(spec)?.description,
  }));
  if (!options.length) return null;
  return { from: context.pos - key[3].length, options, validFor: /^[\w.-]*$/ };
}
