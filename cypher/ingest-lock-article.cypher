// Inside an ingest or review transaction: takes the write lock of an article's source, then reads
// whether its text is stored (the read after the lock sees a concurrent ingest that committed).
// params: $id
// returns: textHash, text, published, publisher, lastPosition (of its proposals; -1 for none)
MATCH (s:Source {id: $id})
SET s.ingestLock = coalesce(s.ingestLock, 0) + 1
RETURN s.textHash AS textHash, s.text AS text, s.published AS published, s.publisher AS publisher,
  COUNT { MATCH (p:Proposal) WHERE p.source = s.id } - 1 AS lastPosition
