// Relationships by id whatever their type (each type's id index), for the per-request loader.
// params: $ids [string]
// returns: row [relationship row]
__RELATIONSHIPS_BY_ID__
RETURN __RELATIONSHIP_ROW__ AS row
