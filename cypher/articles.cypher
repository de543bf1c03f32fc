// Ingested articles (sources with their text), newest publication first, with their review counts.
// params: $ids [string] (or null for all), $after (source id of the previous page's last, or null), $limit
// returns: source [source row], text, ingestedAt, open, accepted, rejected
OPTIONAL MATCH (last:Source {id: $after})
MATCH (s:Source)
WHERE s.textHash IS NOT NULL AND ($ids IS NULL OR s.id IN $ids)
  AND ($after IS NULL OR s.published < last.published OR (s.published = last.published AND s.id > last.id))
WITH s ORDER BY s.published DESC, s.id
LIMIT toInteger($limit)
RETURN __SOURCE_ROW(s)__ AS source, s.text AS text, s.ingestedAt AS ingestedAt,
  COUNT { MATCH (p:Proposal) WHERE p.source = s.id AND p.state = 'OPEN' } AS open,
  COUNT { MATCH (p:Proposal) WHERE p.source = s.id AND p.state = 'ACCEPTED' } AS accepted,
  COUNT { MATCH (p:Proposal) WHERE p.source = s.id AND p.state = 'REJECTED' } AS rejected
