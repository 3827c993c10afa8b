// Who mediates between whom: pairs of parties that one actor brokers, hosts or leads talks between.
//
// Parameters:
//   $mediator  the mediator's name, alias or id (any case); null (the default) for every mediator
//
// A pair counts when one article gives the mediator a MEDIATES edge to each party.
// Columns: mediator, party, other_party, articles (those stating both edges).
MATCH (m:Actor)-[r1:MEDIATES]->(a:Actor), (m)-[r2:MEDIATES]->(b:Actor)
WHERE a.id < b.id
  AND ($mediator IS NULL OR toLower($mediator) IN [x IN [m.id, m.name] + m.aliases | toLower(x)])
WITH m, a, b, [x IN r1.articles WHERE x IN r2.articles] AS articles
WHERE size(articles) > 0
RETURN m.name AS mediator, a.name AS party, b.name AS other_party, articles
ORDER BY mediator, party, other_party
