// People two actors have in common: who leads, sits on or represents both.
//
// For two delegations, a delegation and an agency ("Russia delegation" and "GRU"), two governments.
//
// Parameters:
//   $first   an actor's name, alias or id (any case), e.g. "Russia delegation"
//   $second  another actor's name, alias or id, e.g. "GRU"
//
// Columns: person, first, tie_to_first ("LEADS (head)"), second, tie_to_second, articles.
MATCH (x:Actor) WHERE toLower($first) IN [n IN [x.id, x.name] + x.aliases | toLower(n)]
MATCH (y:Actor) WHERE toLower($second) IN [n IN [y.id, y.name] + y.aliases | toLower(n)] AND y <> x
MATCH (p:Person)-[r1:LEADS|MEMBER_OF|REPRESENTS]->(x),
      (p)-[r2:LEADS|MEMBER_OF|REPRESENTS]->(y)
RETURN p.name AS person,
       x.name AS first,
       type(r1) + coalesce(' (' + r1.role + ')', '') AS tie_to_first,
       y.name AS second,
       type(r2) + coalesce(' (' + r2.role + ')', '') AS tie_to_second,
       COLLECT { UNWIND r1.articles + r2.articles AS a RETURN DISTINCT a ORDER BY a } AS articles
ORDER BY person, tie_to_first, tie_to_second
