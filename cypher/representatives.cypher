// Who leads and speaks for each state or organisation: leaders, envoys, spokespeople, delegations.
//
// Parameters:
//   $party  a state's or organisation's name, alias or id (any case); null (the default) for all
//
// Columns: party, actor, label (Person or Delegation, ...), tie (LEADS or REPRESENTS),
// role ("spokesperson", "special envoy"), articles.
MATCH (x:Actor)-[r:LEADS|REPRESENTS]->(s:Actor)
WHERE s.label IN ['State', 'Organization']
  AND ($party IS NULL OR toLower($party) IN s.keys)
RETURN s.name AS party,
       x.name AS actor,
       x.label AS label,
       type(r) AS tie,
       r.role AS role,
       r.articles AS articles
ORDER BY party, tie, actor, role
