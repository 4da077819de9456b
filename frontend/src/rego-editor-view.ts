/*
 * The CodeMirror part of <rego-editor>, loaded on first use so pages without an editor do not pay for it.
 */
import { Annotation, Compartment, EditorState, Transaction, type Extension } from '@codemirror/state';
import {
  EditorView, drawSelection, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { regoHighlighter, regoLanguage } from './rego-language.js';

/** A problem as the server sends it: 1-based line and column, as OPA reports them. */
export interface EditorProblem {
  line: number;
  column: number;
  message: string;
  severity?: string;
}

export interface EditorCallbacks {
  /** The user changed the text (never called for {@link RegoEditorView.setText}). */
  edited(text: string): void;
  /** The user pressed Ctrl-S / Cmd-S. */
  save(): void;
}

/** Marks the transactions that carry text from the server, so they are not reported back as edits. */
const fromServer = Annotation.define<boolean>();

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

function readOnlyState(readOnly: boolean): Extension {
  return EditorState.readOnly.of(readOnly);
}

const theme = EditorView.theme({
  '&': { height: '100%' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--lumo-font-family-monospace, monospace)', overflow: 'auto' },
  '.cm-gutters': { backgroundColor: 'var(--lumo-contrast-5pct)', border: 'none' },
});

export class RegoEditorView {
  private readonly view: EditorView;
  private readonly readOnly = new Compartment();

  constructor(root: ShadowRoot, text: string, readOnly: boolean, callbacks: EditorCallbacks) {
    this.view = new EditorView({
      root,
      parent: root,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          history(),
          drawSelection(),
          bracketMatching(),
          regoLanguage,
          syntaxHighlighting(regoHighlighter),
          lintGutter(),
          this.readOnly.of(readOnlyState(readOnly)),
          keymap.of([
            { key: 'Mod-s', preventDefault: true, run: () => { callbacks.save(); return true; } },
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((tr) => tr.annotation(fromServer))) {
              callbacks.edited(update.state.doc.toString());
            }
          }),
          EditorView.contentAttributes.of({ 'aria-label': 'Rego policy' }),
          theme,
        ],
      }),
    });
  }

  /**
   * Shows text from the server. Only the part that differs is replaced, so the cursor and scroll position stay
   * put; identical text changes nothing. Not undoable, not reported as an edit.
   */
  setText(text: string): void {
    const current = this.view.state.doc.toString();
    if (text === current) {
      return;
    }
    let start = 0;
    const shorter = Math.min(current.length, text.length);
    while (start < shorter && current[start] === text[start]) {
      start++;
    }
    let endCurrent = current.length;
    let endText = text.length;
    while (endCurrent > start && endText > start && current[endCurrent - 1] === text[endText - 1]) {
      endCurrent--;
      endText--;
    }
    this.view.dispatch({
      changes: { from: start, to: endCurrent, insert: text.slice(start, endText) },
      annotations: [fromServer.of(true), Transaction.addToHistory.of(false)],
    });
  }

  setReadOnly(readOnly: boolean): void {
    this.view.dispatch({ effects: this.readOnly.reconfigure(readOnlyState(readOnly)) });
  }

  /** Replaces the diagnostics with these problems, each underlining the word at its line and column. */
  setProblems(problems: readonly EditorProblem[]): void {
    const doc = this.view.state.doc;
    const diagnostics: Diagnostic[] = problems.map((problem) => {
      const line = doc.line(Math.min(Math.max(1, Math.floor(problem.line) || 1), doc.lines));
      const offset = Math.min(Math.max(0, (Math.floor(problem.column) || 1) - 1), line.length);
      const wordAt = /^[\w.]+/.exec(line.text.slice(offset));
      const from = line.from + offset;
      const to = wordAt ? from + wordAt[0].length : Math.min(from + 1, line.to);
      const severity = SEVERITIES.has(problem.severity ?? '') ? problem.severity as Diagnostic['severity'] : 'error';
      return { from, to, severity, message: String(problem.message ?? '') };
    });
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  focus(): void {
    this.view.focus();
  }
}
