// Fragment (not a query): the end-actor conditions of a RelationshipFilter on `r` from start node
// `a` to end node `b`, spliced after the relationship filter. Symmetric types are stored once in
// one direction, so for them from and to match either end.
// params: $f {from, to, involving, other (with involving: the other actor of a pair), symmetricTypes}
(
  ($f.from IS NULL OR a.id = $f.from OR (type(r) IN $f.symmetricTypes AND b.id = $f.from))
  AND ($f.to IS NULL OR b.id = $f.to OR (type(r) IN $f.symmetricTypes AND a.id = $f.to))
  AND ($f.involving IS NULL OR a.id = $f.involving OR b.id = $f.involving)
  AND ($f.other IS NULL OR a.id = $f.other OR b.id = $f.other)
)
