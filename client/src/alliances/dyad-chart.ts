// The dyad's monthly cooperation (up, green) and conflict (down, red) as bars, drawn by uPlot, which
// is loaded with import() when the first chart is asked for.
import type { Dyad } from './model.js';
import { dyadSeries } from './model.js';

export async function drawDyadChart(container: HTMLElement, dyad: Dyad): Promise<void> {
  const [{ default: uPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
  container.replaceChildren();
  const data = dyadSeries(dyad);
  const bars = uPlot.paths.bars?.({ size: [0.7, 28], align: 0 });
  const width = Math.max(240, container.clientWidth || 280);
  new uPlot(
    {
      width,
      height: 170,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: (_u, min, max) => [Math.min(0, min) - 1, Math.max(0, max) + 1] } },
      axes: [{ space: 50 }, { size: 36 }],
      series: [
        { label: 'month' },
        { label: 'cooperation', stroke: '#1b7f3b', fill: 'rgba(27,127,59,0.55)', paths: bars, points: { show: false } },
        { label: 'conflict', stroke: '#b3261e', fill: 'rgba(179,38,30,0.55)', paths: bars, points: { show: false } },
      ],
    },
    data,
    container,
  );
}
