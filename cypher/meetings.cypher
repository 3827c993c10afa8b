// Who met whom (meetings and calls reported as having happened), and in which articles.
//
// Parameters:
//   $actor  an actor's name, alias or id (any case): only its meetings, with it in the
//           first column; null (the default) for every pair, each once
//
// Columns: actor, met, first_date, last_date, mentions (evidence sentences), articles.
MATCH (a:Actor)-[r:MEETS]-(b:Actor)
WHERE ($actor IS NULL AND a.id < b.id) OR toLower($actor) IN a.keys
RETURN a.name AS actor,
       b.name AS met,
       r.first_date AS first_date,
       r.last_date AS last_date,
       r.count AS mentions,
       r.articles AS articles
ORDER BY actor, met
