// Every source, newest first, then by id.
// params: none
// returns: row {id, title, publisher, published, url, kind}
MATCH (s:Source)
RETURN __SOURCE_ROW(s)__ AS row
ORDER BY s.published DESC, s.id
