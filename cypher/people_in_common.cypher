// People two actors have in common: who leads, sits on or represents both.
//
// For two delegations, a delegation and an agency ("Russia delegation" and "GRU"), two governments.
//
// Parameters:
//   $first   an actor's name, alias or id (any case), e.g. "Russia delegation"
//   $second  another actor's name, alias or id, e.g. "GRU"
//
// Columns: person, first, tie_to_first ("LEADS (head)"), second, tie_to_second, articles.
MATCH (x:Actor) WHERE toLower($first) IN x.keys
MATCH (y:Actor) WHERE toLower($second) IN y.keys AND y <> x
MATCH (p:Person)-[r1:LEADS|MEMBER_OF|REPRESENTS]->(x),
      (p)-[r2:LEADS|MEMBER_OF|REPRESENTS]->(y)
UNWIND r1.articles + r2.articles AS article
RETURN p.name AS person,
       x.name AS first,
       CASE WHEN r1.role IS NULL THEN type(r1) ELSE type(r1) + ' (' + r1.role + ')' END AS tie_to_first,
       y.name AS second,
       CASE WHEN r2.role IS NULL THEN type(r2) ELSE type(r2) + ' (' + r2.role + ')' END AS tie_to_second,
       collect(DISTINCT article) AS articles
ORDER BY person, tie_to_first, tie_to_second
