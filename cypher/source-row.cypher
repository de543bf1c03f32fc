// Fragment (not a query), spliced as __SOURCE_ROW(s)__: the Source row of node variable s.
// columns: {id, title, publisher, published, url, kind}
__VAR__ {.id, .title, .publisher, .published, .url, .kind}
