import { mergeResolvers } from '@graphql-tools/merge';
import { serverInfoResolvers } from './server-info.js';

export const resolvers = mergeResolvers([serverInfoResolvers]);
