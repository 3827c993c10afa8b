// An actor's relations over time: one row per relation and article, oldest first.
//
// Parameters:
//   $name  the actor's name, alias or id (any case), e.g. "Donald Trump"
//
// The date is the article's; rows without a known date come last.
// Columns: date, article, title, relation ("MEETS ->", "<- ACCUSES"), other, detail
// (the role or the claim).
MATCH (a:Actor)
WHERE toLower($name) IN a.keys
MATCH (s:Actor)-[r]->(t:Actor)
WHERE s = a OR t = a
UNWIND r.articles AS article
OPTIONAL MATCH (art:Article)
WHERE art.id = article
RETURN art.date AS date,
       article,
       art.title AS title,
       CASE WHEN s = a THEN type(r) + ' ->' ELSE '<- ' + type(r) END AS relation,
       CASE WHEN s = a THEN t.name ELSE s.name END AS other,
       coalesce(r.role, r.claim) AS detail
ORDER BY date, article, relation, other, detail
