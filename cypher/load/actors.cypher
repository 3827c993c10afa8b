// Upsert actors of one label: (:Actor:__LABEL__ {id, label, name, aliases, articles, resolution, iso3?, keys}).
//
// A template: kg.sinks.neo4j replaces __LABEL__ with a member of kg.models.Label (the labels
// of kg/schema.py) and nothing else, since Cypher cannot take a label as a parameter. Every
// value comes in as a parameter.
//
// Parameters:
//   $rows  [{id, properties: {label, name, aliases, articles, resolution, iso3?, keys}}],
//          built by kg.sinks.rows.node_rows (keys: the lower-cased id, name and aliases)
//
// A new actor gets all its properties. A known actor is written only when its row brings
// something new, and then gets the union: the longer name wins (the other becomes an
// alias); aliases, articles and resolution steps are merged and sorted. So loading the
// same rows twice sets nothing, and a second batch of articles merges into the first.
//
// replan=skip: the plan (unique-index seeks) suits a graph of any size; interpreted
// expressions: no fresh code for the JIT after a plan. Why: docs/neo4j.md, "How loading works".
CYPHER replan=skip expressionEngine=interpreted
UNWIND $rows AS row
MERGE (n:Actor {id: row.id})
  ON CREATE SET n:__LABEL__, n += row.properties
WITH n, row.properties AS p
// Cheap test first: an actor just created, or loaded before from the same row, has
// nothing to merge.
WHERE NOT (n.name = p.name AND n.aliases = p.aliases AND n.articles = p.articles
           AND n.resolution = p.resolution AND (n.iso3 IS NOT NULL OR p.iso3 IS NULL))
WITH n, p
WHERE size(p.name) > size(n.name)
   OR NOT p.name IN [n.name] + n.aliases
   OR any(x IN p.aliases WHERE NOT x IN [n.name] + n.aliases)
   OR any(x IN p.articles WHERE NOT x IN n.articles)
   OR any(x IN p.resolution WHERE NOT x IN n.resolution)
   OR (n.iso3 IS NULL AND p.iso3 IS NOT NULL)
WITH n, p, CASE WHEN size(p.name) > size(n.name) THEN p.name ELSE n.name END AS name
WITH n, p, name,
     COLLECT {
       UNWIND [n.name, p.name] + n.aliases + p.aliases AS x
       WITH DISTINCT x WHERE x <> name
       RETURN x ORDER BY x
     } AS aliases,
     COLLECT { UNWIND n.articles + p.articles AS x RETURN DISTINCT x ORDER BY x } AS articles,
     COLLECT { UNWIND n.resolution + p.resolution AS x RETURN DISTINCT x ORDER BY x } AS resolution
SET n.name = name,
    n.aliases = aliases,
    n.articles = articles,
    n.resolution = resolution,
    n.iso3 = coalesce(n.iso3, p.iso3),
    n.keys = COLLECT { UNWIND [n.id, name] + aliases AS x RETURN DISTINCT toLower(x) AS k ORDER BY k }
RETURN count(*) AS updated
