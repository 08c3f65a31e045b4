// The scenario editor: CodeMirror 6 with its YAML language, completion from the scenario JSON
// Schema, and live validation by the silo (POST api/scenarios/validate), whose errors show as
// markers at their line and column.

import { autocompletion, closeBrackets } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { forceLinting, lintGutter, linter } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { scenarioCompletion } from './scenario-schema.js';

const VALIDATE_DELAY_MS = 400;

/** The CodeMirror position of a 1-based line and column, kept inside the document. */
function position(doc, line, column) {
  const at = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(at.from + Math.max(column - 1, 0), at.to);
}

/**
 * An editor in parent. validate(text) answers { errors: [{ file, line, column, message, hint }] }
 * for the text as it stands (an empty list when valid); onValidated hears each answer.
 */
export function scenarioEditor(parent, { text = '', validate, onValidated = () => {}, onChange = () => {} }) {
  const check = linter(async view => {
    const doc = view.state.doc;
    const { errors } = await validate(doc.toString());
    onValidated(errors);
    return errors.filter(e => e.line > 0).map(e => {
      const from = position(doc, e.line, e.column);
      const to = Math.max(from + 1, Math.min(doc.lineAt(from).to, from + 1));
      return { from, to: Math.min(to, doc.length), severity: 'error', message: `${e.file}:${e.line}:${e.column}: ${e.message}${e.hint ? ` (${e.hint})` : ''}` };
    });
  }, { delay: VALIDATE_DELAY_MS });

  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(), history(), indentOnInput(), bracketMatching(), closeBrackets(), highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap]),
        yaml(),
        autocompletion({ override: [scenarioCompletion], activateOnTyping: true }),
        lintGutter(), check,
        EditorView.updateListener.of(update => { if (update.docChanged) onChange(update.state.doc.toString()); }),
        EditorView.theme({ '&': { height: '460px', fontSize: '13px' }, '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' } }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    /** Replaces the whole text (a file chosen or uploaded) and validates it at once. */
    setText(next) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } });
      forceLinting(view);
    },
    /** Validates again, e.g. when the path the text is read as changed. */
    revalidate: () => forceLinting(view),
    destroy: () => view.destroy(),
  };
}
