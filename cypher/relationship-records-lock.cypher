// Inside a review transaction: takes the write lock of each relationship (a write that changes
// nothing), then reads it, so that a concurrent corroboration is seen rather than overwritten.
// params: $ids [string]
// returns: row [relationship properties + type, from, to]
__RELATIONSHIPS_BY_ID__
SET r.sources = r.sources
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS row
