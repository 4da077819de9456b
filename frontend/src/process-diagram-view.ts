/*
 * The bpmn-js part of <process-diagram>, loaded on first use so pages without a diagram do not pay for it.
 * Read-only: the navigated viewer (pan and zoom, no editing); bpmn-js's styles go into the element's shadow root.
 */
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import diagramStyles from 'bpmn-js/dist/assets/diagram-js.css?inline';
import bpmnStyles from 'bpmn-js/dist/assets/bpmn-js.css?inline';

/** What to mark, by element id; ids the model does not have are ignored. */
export interface DiagramMarks {
  current: string[];
  completed: string[];
  taken: string[];
  incidents: string[];
}

/** The marker class each kind of id gets. */
const MARKERS: Record<keyof DiagramMarks, string> = {
  completed: 'completed',
  taken: 'taken',
  current: 'current',
  incidents: 'incident',
};

interface Canvas {
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
  resized(): void;
  zoom(scale: 'fit-viewport', center?: 'auto'): number;
}

interface ElementRegistry {
  get(id: string): unknown;
}

/** Vaadin's build turns imported CSS into a Lit CSSResult; plain Vite into a string. Either gives its text. */
function cssText(styles: unknown): string {
  return typeof styles === 'string' ? styles : String((styles as { cssText?: string }).cssText ?? styles);
}

export class ProcessDiagramView {
  private readonly viewer: NavigatedViewer;
  private shownXml = '';
  private marked: Array<[string, string]> = [];

  constructor(root: ShadowRoot, container: HTMLElement) {
    const style = document.createElement('style');
    style.textContent = cssText(diagramStyles) + '\n' + cssText(bpmnStyles);
    root.prepend(style); // before the element's own styles, so its marker rules win at equal specificity
    this.viewer = new NavigatedViewer({ container });
  }

  /** Imports the model if it changed, then replaces all markers by these. */
  async show(xml: string, marks: DiagramMarks): Promise<void> {
    if (xml !== this.shownXml) {
      this.marked = [];
      this.shownXml = '';
      this.viewer.clear();
      if (xml === '') {
        return;
      }
      await this.viewer.importXML(xml);
      this.shownXml = xml; // only once imported: a failed import is tried again with the next values
      this.fit();
    }
    if (xml !== '') {
      this.mark(marks);
    }
  }

  /** Fits the whole diagram into the element (after a resize too); nothing while no diagram is shown. */
  fit(): void {
    if (this.shownXml === '') {
      return;
    }
    const canvas = this.viewer.get<Canvas>('canvas');
    canvas.resized();
    canvas.zoom('fit-viewport', 'auto');
  }

  private mark(marks: DiagramMarks): void {
    const canvas = this.viewer.get<Canvas>('canvas');
    const registry = this.viewer.get<ElementRegistry>('elementRegistry');
    this.marked.forEach(([id, marker]) => canvas.removeMarker(id, marker));
    this.marked = [];
    (Object.keys(MARKERS) as Array<keyof DiagramMarks>).forEach((kind) => {
      marks[kind].filter((id) => registry.get(id)).forEach((id) => {
        canvas.addMarker(id, MARKERS[kind]);
        this.marked.push([id, MARKERS[kind]]);
      });
    });
  }
}
