// Neo4j's own description of itself.
// params: none
// returns: name, versions, edition
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions, edition
