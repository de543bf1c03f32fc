// The content hash with which a seed bundle was last loaded, if it was.
// params: $name (the bundle's file name)
// returns: sha256 (or no row)
MATCH (s:SeedBundle {name: $name})
RETURN s.sha256 AS sha256
