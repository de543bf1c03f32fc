// The Export menu: a disclosure (details/summary) with one button per format and the picture's
// options. Escape or a click elsewhere closes it and gives focus back to its summary.
import { h } from './dom.js';

export interface ExportChoice {
  id: string;
  label: string;
  run: (options: { legend: boolean }) => Promise<void> | void;
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { attrs: { href: url, download: filename } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export class ExportMenu {
  readonly element: HTMLDetailsElement;
  private readonly summary: HTMLElement;
  private readonly legend: HTMLInputElement;
  private readonly status: HTMLElement;

  constructor(choices: readonly ExportChoice[]) {
    this.summary = h('summary', { text: 'Export', attrs: { id: 'export-toggle' } });
    this.legend = h('input', { attrs: { id: 'export-legend', type: 'checkbox', checked: true } });
    this.status = h('p', { class: 'export-status muted', attrs: { role: 'status' } });
    this.element = h(
      'details',
      { class: 'export-menu', on: { keydown: (event) => this.onKey(event) } },
      this.summary,
      h(
        'div',
        { class: 'export-buttons', attrs: { role: 'group', 'aria-label': 'Export the visible graph' } },
        ...choices.map((choice) =>
          h('button', {
            text: choice.label,
            attrs: { id: choice.id, type: 'button' },
            on: { click: () => void this.run(choice) },
          }),
        ),
        h('label', { class: 'inline' }, this.legend, ' Legend and caption on the PNG'),
        this.status,
      ),
    );
    document.addEventListener('pointerdown', (event) => {
      if (this.element.open && !this.element.contains(event.target as Node)) this.element.open = false;
    });
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.element.open) return;
    event.preventDefault();
    this.element.open = false;
    this.summary.focus();
  }

  private async run(choice: ExportChoice): Promise<void> {
    this.status.textContent = '';
    try {
      await choice.run({ legend: this.legend.checked });
    } catch (error) {
      this.status.textContent = `Export failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
