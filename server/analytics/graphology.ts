// graphology's algorithm packages are CommonJS whose typings declare an ES default export, while
// Node hands an ES importer module.exports itself (TypeScript then finds the function one `.default`
// down). Requiring them says what really happens.
import { createRequire } from 'node:module';
import type * as LouvainModule from 'graphology-communities-louvain';
import type * as PagerankModule from 'graphology-metrics/centrality/pagerank.js';

const require = createRequire(import.meta.url);

export const louvain = require('graphology-communities-louvain') as typeof LouvainModule.default.default;
export const pagerank = require('graphology-metrics/centrality/pagerank.js') as typeof PagerankModule.default.default;
export { UndirectedGraph } from 'graphology';
export { degreeCentrality } from 'graphology-metrics/centrality/degree.js';
