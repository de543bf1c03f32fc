// The graph version (see graph-version-bump): one indexed node, read before answering from a cache.
// params: none
// returns: version (string, epoch:counter; 'none' before the first write through the app)
OPTIONAL MATCH (v:GraphVersion {key: 'graph'})
RETURN CASE WHEN v IS NULL THEN 'none' ELSE v.epoch + ':' + toString(v.counter) END AS version
