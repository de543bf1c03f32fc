// Records that a seed bundle was loaded with this content, so later starts leave what reviewers
// have since made of its records alone.
// params: $name, $sha256
MERGE (s:SeedBundle {name: $name})
SET s.sha256 = $sha256, s.loadedAt = datetime()
