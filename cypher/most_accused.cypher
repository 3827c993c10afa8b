// The most accused actors (states by default), by how many distinct actors accuse them.
//
// Parameters:
//   $label  State (the default), Person, Organization, Delegation, or Actor for everyone
//   $limit  how many rows (default 10)
//
// Columns: accused, accusers (how many distinct accusers), accused_by (their names),
// mentions (evidence sentences over all those accusations), articles.
MATCH (a:Actor)-[r:ACCUSES]->(b:Actor)
WHERE coalesce($label, 'State') IN labels(b)
WITH b, count(DISTINCT a) AS accusers, collect(DISTINCT a.name) AS names, sum(r.count) AS mentions,
     collect(r.articles) AS article_lists
RETURN b.name AS accused,
       accusers,
       COLLECT { UNWIND names AS n RETURN n ORDER BY n } AS accused_by,
       mentions,
       COLLECT { UNWIND article_lists AS l UNWIND l AS x RETURN DISTINCT x ORDER BY x } AS articles
ORDER BY accusers DESC, mentions DESC, accused
LIMIT coalesce($limit, 10)
