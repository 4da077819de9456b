/*
 * <rego-editor>: a Rego code editor (CodeMirror 6) for the Vaadin RegoEditor component.
 *
 * Properties: value (string), problems ({line, column, message, severity}[], 1-based as OPA reports them),
 * readonly (boolean). Events: value-changed (detail.value; 300 ms after the user stops typing, at once before a
 * save), save-requested (detail.value; Ctrl-S / Cmd-S). Setting value never fires value-changed.
 *
 * This module stays small: CodeMirror itself is imported when the first editor is attached.
 */
import type { EditorProblem, RegoEditorView } from './rego-editor-view.js';
import { upgradeProperties } from './upgrade-property.js';

const DEBOUNCE_MS = 300;

const styles = `
  :host {
    display: block;
    min-height: 8em;
    border: 1px solid var(--lumo-contrast-20pct, #ccc);
    border-radius: var(--lumo-border-radius-m, 4px);
    overflow: hidden;
    background: var(--lumo-base-color, #fff);
    font-size: var(--lumo-font-size-s, 14px);
  }
  :host([readonly]) { background: var(--lumo-contrast-5pct, #f4f4f4); }
  :host([hidden]) { display: none; }
  .tok-keyword { color: var(--lumo-primary-text-color, #1a5fb4); font-weight: 600; }
  .tok-atom, .tok-number { color: #8a3ffc; }
  .tok-string { color: #1e7b34; }
  .tok-comment { color: var(--lumo-secondary-text-color, #666); font-style: italic; }
  .tok-operator { color: #b35900; }
  .tok-builtin { color: #0b6e99; }
  .tok-root { color: #a0307a; }
  .problem { padding: 0.5em 1em; color: var(--lumo-error-text-color, #c62828); }
  .problem:empty { display: none; }
`;

export class RegoEditorElement extends HTMLElement {
  private text = '';
  private currentProblems: EditorProblem[] = [];
  private isReadOnly = false;
  private editor?: RegoEditorView;
  private loading = false;
  private pendingChange?: ReturnType<typeof setTimeout>;
  private readonly problem: HTMLDivElement;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = styles;
    this.problem = document.createElement('div');
    this.problem.className = 'problem';
    this.problem.setAttribute('role', 'alert');
    root.append(style, this.problem);
  }

  get value(): string {
    return this.text;
  }

  set value(value: string) {
    const text = value ?? '';
    if (text === this.text) {
      return; // the server echoing what the user typed: nothing to do, the cursor stays
    }
    this.cancelPendingChange(); // the server's text replaces whatever edit was waiting to be reported
    this.text = text;
    this.editor?.setText(text);
  }

  get problems(): EditorProblem[] {
    return this.currentProblems;
  }

  set problems(problems: EditorProblem[]) {
    this.currentProblems = Array.isArray(problems) ? problems : [];
    this.editor?.setProblems(this.currentProblems);
  }

  get readonly(): boolean {
    return this.isReadOnly;
  }

  set readonly(readOnly: boolean) {
    this.isReadOnly = Boolean(readOnly);
    this.toggleAttribute('readonly', this.isReadOnly);
    this.editor?.setReadOnly(this.isReadOnly);
  }

  connectedCallback(): void {
    upgradeProperties(this, ['value', 'problems', 'readonly']);
    if (!this.editor && !this.loading) {
      this.loading = true;
      import('./rego-editor-view.js').then(({ RegoEditorView }) => {
        this.editor = new RegoEditorView(this.shadowRoot!, this.text, this.isReadOnly, {
          edited: (text) => this.edited(text),
          save: () => this.save(),
        });
        this.editor.setProblems(this.currentProblems);
        this.problem.textContent = '';
        this.removeAttribute('error');
        this.setAttribute('ready', '');
      }).catch((e) => this.fail(e));
    }
  }

  /** The editor's code could not be loaded (as the diagram says when bpmn-js cannot): shown, and tried again. */
  private fail(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.loading = false; // the next attach tries again
    this.problem.textContent = 'The editor cannot be shown: ' + message;
    this.setAttribute('error', message);
  }

  disconnectedCallback(): void {
    this.flush();
  }

  /** Sends a waiting edit now instead of at the end of the debounce period. */
  flush(): void {
    if (this.pendingChange !== undefined) {
      this.cancelPendingChange();
      this.fire('value-changed');
    }
  }

  focus(): void {
    this.editor?.focus();
  }

  private edited(text: string): void {
    this.text = text;
    this.cancelPendingChange();
    this.pendingChange = setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  private save(): void {
    if (this.isReadOnly) {
      return;
    }
    this.flush();
    this.fire('save-requested');
  }

  private cancelPendingChange(): void {
    if (this.pendingChange !== undefined) {
      clearTimeout(this.pendingChange);
      this.pendingChange = undefined;
    }
  }

  private fire(type: string): void {
    this.dispatchEvent(new CustomEvent(type, { detail: { value: this.text } }));
  }

}

if (!customElements.get('rego-editor')) {
  customElements.define('rego-editor', RegoEditorElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'rego-editor': RegoEditorElement;
  }
}
