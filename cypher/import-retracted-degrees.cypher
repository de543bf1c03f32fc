// After an import that carries retractions: the retractedDegree (see actor-degree) of the actors at
// their ends, counted again inside the import's transaction.
// params: $ids [actor ids]
// returns: count
UNWIND $ids AS id
MATCH (a:Actor {id: id})
__RETRACTED_DEGREE(a)__
RETURN count(*) AS count
