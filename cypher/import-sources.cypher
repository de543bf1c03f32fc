// Upserts sources by id.
// params: $rows [{id, title, publisher, published: 'YYYY-MM-DD', url, kind}]
// returns: count
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.title = row.title, s.publisher = row.publisher, s.published = date(row.published),
    s.url = row.url, s.kind = row.kind
RETURN count(*) AS count
