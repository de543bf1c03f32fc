// Sources by id, for the per-request source loader.
// params: $ids [string]
// returns: row {id, title, publisher, published, url, kind}
MATCH (s:Source) WHERE s.id IN $ids
RETURN __SOURCE_ROW(s)__ AS row
