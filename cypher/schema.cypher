// Constraints and indexes of the model (docs/model.md). Applied at every start; each is idempotent.
// Relationship-id uniqueness is per relationship type in Neo4j, so server/db/schema.ts adds one
// constraint per vocabulary type after these; uniqueness across types is the RelationshipId
// registry (one node per id, taken in the transaction that writes the relationship).

CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
// The one graph-version node (server/db/graph-version.ts): unique, so concurrent first writes merge it once.
CREATE CONSTRAINT relationship_id IF NOT EXISTS FOR (k:RelationshipId) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT graph_version_key IF NOT EXISTS FOR (v:GraphVersion) REQUIRE v.key IS UNIQUE;
CREATE CONSTRAINT seed_bundle_name IF NOT EXISTS FOR (s:SeedBundle) REQUIRE s.name IS UNIQUE;

// Search over names and aliases (actors(filter: {search})).
CREATE FULLTEXT INDEX actor_search IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.aliases];

CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX source_published IF NOT EXISTS FOR (s:Source) ON (s.published);

// The review queue (server/ingest/): proposals by id, and by the source (article) they come from.
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (p:Proposal) REQUIRE p.id IS UNIQUE;
CREATE INDEX proposal_source IF NOT EXISTS FOR (p:Proposal) ON (p.source);
