// graphology-communities-louvain is CommonJS whose typings declare an ES default export, while
// Node hands an ES importer module.exports itself (TypeScript then finds the function one `.default`
// down). Requiring it says what really happens.
import { createRequire } from 'node:module';
import type * as LouvainModule from 'graphology-communities-louvain';

const require = createRequire(import.meta.url);

export const louvain = require('graphology-communities-louvain') as typeof LouvainModule.default.default;
export { UndirectedGraph } from 'graphology';
