// The stored source of an article about to be ingested, and the hash of its text if it was.
// params: $id
// returns: source [source row], textHash (null for a source that was never ingested)
MATCH (s:Source {id: $id})
RETURN __SOURCE_ROW(s)__ AS source, s.textHash AS textHash
