// Who mediates between whom: pairs of parties that one actor brokers, hosts or leads talks between.
//
// Parameters:
//   $mediator  the mediator's name, alias or id (any case); null (the default) for every mediator
//
// A pair counts when one article gives the mediator a MEDIATES edge to each party.
// Columns: mediator, party, other_party, articles (those stating both edges).
MATCH (m:Actor)-[r1:MEDIATES]->(a:Actor), (m)-[r2:MEDIATES]->(b:Actor)
WHERE a.id < b.id
  AND ($mediator IS NULL OR toLower($mediator) IN m.keys)
UNWIND r1.articles AS article
WITH m, a, b, r2, article
WHERE article IN r2.articles
RETURN m.name AS mediator, a.name AS party, b.name AS other_party, collect(article) AS articles
ORDER BY mediator, party, other_party
