import { mergeResolvers } from '@graphql-tools/merge';
import { DateScalar, JSONScalar } from '../scalars.js';
import { actorResolvers } from './actors.js';
import { analyticsResolvers } from './analytics.js';
import { extractResolvers } from './extract.js';
import { ingestResolvers } from './ingest.js';
import { mutationResolvers } from './mutations.js';
import { pathResolvers } from './paths.js';
import { relationshipResolvers } from './relationships.js';
import { serverInfoResolvers } from './server-info.js';
import { sourceResolvers } from './sources.js';
import { statsResolvers } from './stats.js';

export const resolvers = mergeResolvers([
  { Date: DateScalar, JSON: JSONScalar },
  serverInfoResolvers,
  actorResolvers,
  relationshipResolvers,
  sourceResolvers,
  statsResolvers,
  mutationResolvers,
  pathResolvers,
  analyticsResolvers,
  extractResolvers,
  ingestResolvers,
]);
