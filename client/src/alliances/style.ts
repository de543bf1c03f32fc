// The stylesheet blocks of alliances mode and bundling, keyed on classes and data the alliances
// controller sets. buildStylesheet puts them after `.hidden` and before `.forced`, so a path still
// shows an edge that a bundle stands in for.
import type { StylesheetJson } from 'cytoscape';

export const ALLIANCE_STYLES: StylesheetJson = [
  {
    selector: 'node.in-bloc',
    style: {
      'background-color': 'data(blocColour)',
      width: 'data(blocSize)',
      height: 'data(blocSize)',
      'border-color': '#ffffff',
      'border-width': 3,
    },
  },
  // Labels do not catch the pointer (the base rule already hides names too small to read, and the
  // bulk rule raises that bar, so no size is restated here).
  { selector: 'node', style: { 'text-events': 'no' } },
  { selector: 'edge.bundled-away', style: { display: 'none' } },
  { selector: 'edge.label-hidden', style: { 'text-opacity': 0 } },
  {
    selector: 'edge.bundle-lead',
    style: {
      width: 7,
      'line-color': 'data(bundleColour)',
      'target-arrow-shape': 'none',
      'mid-target-arrow-shape': 'none',
      'line-style': 'solid',
      label: 'data(bundleLabel)',
      'font-size': 11,
      'font-weight': 'bold',
      color: '#1a202c',
      'text-rotation': 'none',
      'text-margin-y': 0,
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      'text-events': 'no',
      'min-zoomed-font-size': 6,
    },
  },
];
