// Stored relationships by id as the exporter reads them (all properties, type, end ids).
// params: $ids [string]
// returns: row [relationship properties + type, from, to]
__RELATIONSHIPS_BY_ID__
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS row
