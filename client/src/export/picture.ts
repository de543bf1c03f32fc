// The PNG export: the graph as cy.png() draws it, optionally with a caption above (title, date,
// filters, path) and a legend below, composed on a canvas; the view goes into an iTXt chunk.
import type { Core } from 'cytoscape';
import type { LegendEntry } from './legend.js';
import { withPngText } from './png-text.js';

export interface PictureOptions {
  /** Caption lines, the first drawn as the title; none for the bare graph. */
  caption: readonly string[];
  legend: readonly LegendEntry[];
  /** Stored in the file as iTXt "actor-graph:view". */
  viewJson: string;
}

const SCALE = 2;
const PAD = 16 * SCALE;
const LINE = 18 * SCALE;
const FONT = `${12 * SCALE}px system-ui, sans-serif`;
const TITLE_FONT = `bold ${16 * SCALE}px system-ui, sans-serif`;
const ENTRY_WIDTH = 190 * SCALE;

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The graph picture could not be drawn.'));
    img.src = src;
  });
}

function drawEntry(ctx: CanvasRenderingContext2D, entry: LegendEntry, x: number, y: number): void {
  const mid = y + LINE / 2;
  ctx.save();
  if (entry.group === 'Actors') {
    ctx.fillStyle = entry.colour;
    ctx.beginPath();
    if (entry.shape === 'ellipse') ctx.arc(x + 8 * SCALE, mid, 6 * SCALE, 0, 2 * Math.PI);
    else ctx.rect(x + 2 * SCALE, mid - 6 * SCALE, 12 * SCALE, 12 * SCALE);
    ctx.fill();
  } else if (entry.group === 'Paths') {
    ctx.fillStyle = entry.colour;
    ctx.globalAlpha = 0.7;
    ctx.fillRect(x, mid - 5 * SCALE, 26 * SCALE, 10 * SCALE);
  } else {
    ctx.strokeStyle = entry.group === 'Relationship types' ? entry.colour : '#4a5568';
    ctx.lineWidth = 3 * SCALE;
    if (entry.group === 'Statuses') {
      ctx.setLineDash(
        entry.lineStyle === 'dashed'
          ? [7 * SCALE, 4 * SCALE]
          : entry.lineStyle === 'dotted'
            ? [2 * SCALE, 4 * SCALE]
            : [],
      );
      if (entry.faint) ctx.globalAlpha = 0.5;
    }
    ctx.beginPath();
    ctx.moveTo(x, mid);
    ctx.lineTo(x + 26 * SCALE, mid);
    ctx.stroke();
    if (entry.group === 'Statuses' && entry.mark) ctx.fillRect(x + 12 * SCALE, mid - 6 * SCALE, 3 * SCALE, 12 * SCALE);
  }
  ctx.restore();
  ctx.fillStyle = '#1a202c';
  ctx.font = FONT;
  const arrow = entry.group === 'Relationship types' && !entry.directed ? ' ↔' : '';
  ctx.fillText(`${entry.label}${arrow}`, x + 32 * SCALE, mid + 4 * SCALE, ENTRY_WIDTH - 36 * SCALE);
}

export async function graphPicture(cy: Core, options: PictureOptions): Promise<Blob> {
  const graph = await loadImage(cy.png({ output: 'base64uri', full: true, scale: SCALE, bg: '#ffffff' }));
  const width = Math.max(graph.width, 4 * ENTRY_WIDTH + 2 * PAD);
  const columns = Math.max(1, Math.floor((width - 2 * PAD) / ENTRY_WIDTH));
  const groups = [...new Set(options.legend.map((e) => e.group))];
  const legendRows = groups.reduce(
    (n, g) => n + 1 + Math.ceil(options.legend.filter((e) => e.group === g).length / columns),
    0,
  );
  const captionHeight = options.caption.length ? PAD + options.caption.length * LINE + PAD / 2 : 0;
  const legendHeight = legendRows ? PAD + legendRows * LINE + PAD : 0;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = captionHeight + graph.height + legendHeight;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the picture (no canvas 2D context).');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  let y = PAD;
  options.caption.forEach((line, i) => {
    ctx.fillStyle = i === 0 ? '#1a202c' : '#4a5568';
    ctx.font = i === 0 ? TITLE_FONT : FONT;
    ctx.fillText(line, PAD, y + LINE * 0.75, width - 2 * PAD);
    y += LINE;
  });
  ctx.drawImage(graph, Math.round((width - graph.width) / 2), captionHeight);
  y = captionHeight + graph.height + PAD;
  for (const group of groups) {
    ctx.fillStyle = '#1a202c';
    ctx.font = `bold ${FONT}`;
    ctx.fillText(group, PAD, y + LINE * 0.75);
    y += LINE;
    options.legend
      .filter((e) => e.group === group)
      .forEach((entry, i) => {
        drawEntry(ctx, entry, PAD + (i % columns) * ENTRY_WIDTH, y + Math.floor(i / columns) * LINE);
      });
    y += Math.ceil(options.legend.filter((e) => e.group === group).length / columns) * LINE;
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The picture could not be encoded as PNG.');
  const bytes = withPngText(new Uint8Array(await blob.arrayBuffer()), 'actor-graph:view', options.viewJson);
  return new Blob([bytes], { type: 'image/png' });
}
