/*
 * <process-diagram>: a read-only BPMN diagram (bpmn-js) of one process instance for the Vaadin ProcessDiagram.
 *
 * Properties: xml (the model, BPMN 2.0 XML), current (ids of active activities), completed (ids of finished
 * activities), taken (ids of sequence flows taken), incidents (ids of activities with an open incident). They may
 * arrive in any order and any number of times: every change redraws from the latest values, one redraw at a time.
 * Each id gets a marker class on its SVG group (`g.djs-element[data-element-id=…]`): current, completed, taken,
 * incident. Attributes: `rendered` once the latest values are drawn, `error` (the message) when the XML cannot be
 * read.
 *
 * This module stays small: bpmn-js itself is imported when the first diagram is attached.
 */
import type { DiagramMarks, ProcessDiagramView } from './process-diagram-view.js';
import { upgradeProperties } from './upgrade-property.js';

const styles = `
  :host {
    display: block;
    position: relative;
    height: 420px;
    border: 1px solid var(--lumo-contrast-20pct, #ccc);
    border-radius: var(--lumo-border-radius-m, 4px);
    background: var(--lumo-base-color, #fff);
    overflow: hidden;
  }
  :host([hidden]) { display: none; }
  .canvas { position: absolute; inset: 0; }
  .problem {
    position: absolute; left: 1em; top: 1em; right: 1em;
    color: var(--lumo-error-text-color, #c62828);
  }
  /* bpmn-js draws fill and stroke as inline styles: markers must win over them. */
  .djs-element.completed .djs-visual > :nth-child(1) {
    stroke: #2e7d32 !important; fill: #e3f1e4 !important;
  }
  .djs-connection.taken .djs-visual > path { stroke: #2e7d32 !important; stroke-width: 3px !important; }
  .djs-element.current .djs-visual > :nth-child(1) {
    stroke: var(--lumo-primary-color, #1a5fb4) !important; stroke-width: 4px !important; fill: #fff4c2 !important;
  }
  .djs-element.incident .djs-visual > :nth-child(1) {
    stroke: #c62828 !important; stroke-width: 4px !important; fill: #fdecea !important;
  }
`;

export class ProcessDiagramElement extends HTMLElement {
  private model = '';
  private marks: DiagramMarks = { current: [], completed: [], taken: [], incidents: [] };
  private view?: ProcessDiagramView;
  private loading = false;
  private drawing: Promise<void> = Promise.resolve();
  private generation = 0;
  private readonly canvas: HTMLDivElement;
  private readonly problem: HTMLDivElement;
  private resizeObserver?: ResizeObserver;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = styles;
    this.canvas = document.createElement('div');
    this.canvas.className = 'canvas';
    this.problem = document.createElement('div');
    this.problem.className = 'problem';
    this.problem.setAttribute('role', 'alert');
    root.append(style, this.canvas, this.problem);
  }

  get xml(): string {
    return this.model;
  }

  set xml(xml: string) {
    this.model = xml ?? '';
    this.redraw();
  }

  get current(): string[] {
    return this.marks.current;
  }

  set current(ids: string[]) {
    this.marks = { ...this.marks, current: idList(ids) };
    this.redraw();
  }

  get completed(): string[] {
    return this.marks.completed;
  }

  set completed(ids: string[]) {
    this.marks = { ...this.marks, completed: idList(ids) };
    this.redraw();
  }

  get taken(): string[] {
    return this.marks.taken;
  }

  set taken(ids: string[]) {
    this.marks = { ...this.marks, taken: idList(ids) };
    this.redraw();
  }

  get incidents(): string[] {
    return this.marks.incidents;
  }

  set incidents(ids: string[]) {
    this.marks = { ...this.marks, incidents: idList(ids) };
    this.redraw();
  }

  connectedCallback(): void {
    upgradeProperties(this, ['xml', 'current', 'completed', 'taken', 'incidents']);
    if (!this.view && !this.loading) {
      this.loading = true;
      import('./process-diagram-view.js').then(({ ProcessDiagramView }) => {
        this.view = new ProcessDiagramView(this.shadowRoot!, this.canvas);
        this.redraw();
      }).catch((e) => this.fail(e));
    }
    if (!this.resizeObserver && typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => this.view?.fit());
    }
    this.resizeObserver?.observe(this);
  }

  disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
  }

  /**
   * Draws the latest values after any drawing in progress; a drawing overtaken by newer values does not mark the
   * element rendered, so `rendered` always means "what the properties say now is on screen".
   */
  private redraw(): void {
    const view = this.view;
    if (!view) {
      return; // drawn once bpmn-js has loaded, with whatever has arrived by then
    }
    const generation = ++this.generation;
    this.removeAttribute('rendered');
    const xml = this.model;
    const marks = this.marks;
    this.drawing = this.drawing.then(() => view.show(xml, marks)).then(() => {
      if (generation === this.generation) {
        this.problem.textContent = '';
        this.removeAttribute('error');
        this.setAttribute('rendered', '');
      }
    }, (e) => {
      if (generation === this.generation) {
        this.fail(e);
      }
    });
  }

  private fail(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.problem.textContent = 'The diagram cannot be shown: ' + message;
    this.setAttribute('error', message);
  }

}

function idList(ids: unknown): string[] {
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

if (!customElements.get('process-diagram')) {
  customElements.define('process-diagram', ProcessDiagramElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'process-diagram': ProcessDiagramElement;
  }
}
