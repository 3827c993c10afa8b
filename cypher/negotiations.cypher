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
WHERE ($actor IS NULL AND a.id < b.id) OR toLower($actor) IN a.keys
OPTIONAL MATCH (a)-[:REPRESENTS]->(pa:Actor)
WHERE a.label = 'Delegation'
WITH a, b, n, [a.id] + collect(pa.id) AS parties_a
OPTIONAL MATCH (b)-[:REPRESENTS]->(pb:Actor)
WHERE b.label = 'Delegation'
WITH a, b, n, parties_a, [b.id] + collect(pb.id) AS parties_b
UNWIND parties_a AS party_a
UNWIND parties_b AS party_b
OPTIONAL MATCH (x:Actor {id: party_a})<-[:MEDIATES]-(m:Actor)-[:MEDIATES]->(y:Actor {id: party_b})
WHERE party_a <> party_b
WITH a, b, n, collect(DISTINCT m.name) AS mediators
RETURN a.name AS side,
       b.name AS other_side,
       mediators,
       n.count AS mentions,
       n.articles AS articles
ORDER BY side, other_side
