// The most accused actors (states by default), by how many distinct actors accuse them.
//
// Parameters:
//   $label  State (the default), Person, Organization, Delegation, or Actor for everyone
//   $limit  how many rows (default 10)
//
// Columns: accused, accusers (how many distinct accusers), accused_by (their names),
// mentions (evidence sentences over all those accusations), articles.
MATCH (a:Actor)-[r:ACCUSES]->(b:Actor)
WHERE coalesce($label, 'State') IN [b.label, 'Actor']
WITH b, count(DISTINCT a) AS accusers, collect(DISTINCT a.name) AS accused_by, sum(r.count) AS mentions
MATCH (:Actor)-[about:ACCUSES]->(b)
UNWIND about.articles AS article
RETURN b.name AS accused,
       accusers,
       accused_by,
       mentions,
       collect(DISTINCT article) AS articles
ORDER BY accusers DESC, mentions DESC, accused
LIMIT $limit
