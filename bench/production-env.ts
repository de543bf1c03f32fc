// The bench measures the server as production runs it (`npm start` sets NODE_ENV=production).
// graphql-js picks its checks by NODE_ENV once, when it is first loaded: in development its
// instanceOf compares class names on every value, which cost about 10 ms of a cached alliances
// answer at M. So bench/run.ts imports this before anything that loads graphql.
process.env.NODE_ENV = 'production';
