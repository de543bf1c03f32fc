// Actors the article may name: those whose name or an alias, normalised as the reader normalises
// words (lower case; dots and apostrophes dropped; "'s" as " s"; hyphens, commas and brackets as
// spaces), is one of the keys taken from the text.
// params: $keys [string]
// returns: id, kind, name, aliases [string], description
MATCH (a:Actor)
WHERE any(n IN [a.name] + coalesce(a.aliases, []) WHERE
  trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    toLower(n), '’', "'"), "'s", ' s'), '.', ''), "'", ''), '-', ' '), ',', ' '), '(', ' '), ')', ' '),
    '  ', ' '), '  ', ' ')) IN $keys)
RETURN a.id AS id, [l IN labels(a) WHERE l <> 'Actor'][0] AS kind, a.name AS name,
  coalesce(a.aliases, []) AS aliases, a.description AS description
ORDER BY id
