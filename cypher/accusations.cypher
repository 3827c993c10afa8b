// The accusation network: who accuses whom, and of what.
//
// Parameters:
//   $actor  an actor's name, alias or id (any case): only accusations it makes or
//           receives; null (the default) for all
//
// Columns: accuser, accuser_label, accused, accused_label, claims (the text of each
// distinct claim, "of exploiting a US-backed energy truce ..."), mentions (evidence
// sentences), articles.
MATCH (a:Actor)-[r:ACCUSES]->(b:Actor)
WHERE $actor IS NULL OR toLower($actor) IN a.keys OR toLower($actor) IN b.keys
RETURN a.name AS accuser,
       a.label AS accuser_label,
       b.name AS accused,
       b.label AS accused_label,
       coalesce(r.claims, []) AS claims,
       r.count AS mentions,
       r.articles AS articles
ORDER BY accused, accuser
