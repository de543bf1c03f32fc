// Actors by id, for the per-request actor loader.
// params: $ids [string]
// returns: row [actor row]
MATCH (a:Actor) WHERE a.id IN $ids
RETURN __ACTOR_ROW(a)__ AS row
