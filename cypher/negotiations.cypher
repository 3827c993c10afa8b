// Who negotiates with whom, and through which mediators.
//
// Parameters:
//   $actor  one side's name, alias or id (any case): only its negotiations, with it in
//           the first column; null (the default) for every pair, each once
//
// A mediator MEDIATES towards both sides, or towards the parties they represent when a
// side is a delegation ("US-led talks between the Ukrainian and Russian delegations":
// United States MEDIATES Ukraine and Russia).
// Columns: side, other_side, mediators, mentions (evidence sentences), articles.
MATCH (a:Actor)-[n:NEGOTIATES_WITH]-(b:Actor)
WHERE CASE WHEN $actor IS NULL THEN startNode(n) = a
           ELSE toLower($actor) IN [x IN [a.id, a.name] + a.aliases | toLower(x)] END
WITH a, b, n,
     [a] + COLLECT { MATCH (a:Delegation)-[:REPRESENTS]->(p:Actor) RETURN p } AS parties_a,
     [b] + COLLECT { MATCH (b:Delegation)-[:REPRESENTS]->(p:Actor) RETURN p } AS parties_b
RETURN a.name AS side,
       b.name AS other_side,
       COLLECT {
         MATCH (m:Actor)-[:MEDIATES]->(pa:Actor), (m)-[:MEDIATES]->(pb:Actor)
         WHERE pa IN parties_a AND pb IN parties_b
         RETURN DISTINCT m.name AS mediator ORDER BY mediator
       } AS mediators,
       n.count AS mentions,
       n.articles AS articles
ORDER BY side, other_side
