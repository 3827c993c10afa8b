// An actor's profile: every relation it has, with the sentences that state it and their articles.
//
// Parameters:
//   $name  the actor's name, alias or id (any case), e.g. "Igor Kostyukov", "Kremlin", "state:RUS"
//
// One row per evidence sentence. Columns: actor, label, relation ("LEADS ->" from the
// actor, "<- ACCUSES" towards it), other, detail (the role or the claim), article, title,
// date (the article's), sentence.
MATCH (a:Actor)
WHERE toLower($name) IN a.keys
MATCH (s:Actor)-[r]->(t:Actor)
WHERE s = a OR t = a
UNWIND range(0, size(r.evidence_article) - 1) AS i
OPTIONAL MATCH (art:Article)
WHERE art.id = r.evidence_article[i]
RETURN a.name AS actor,
       a.label AS label,
       CASE WHEN s = a THEN type(r) + ' ->' ELSE '<- ' + type(r) END AS relation,
       CASE WHEN s = a THEN t.name ELSE s.name END AS other,
       coalesce(r.role, r.claim) AS detail,
       r.evidence_article[i] AS article,
       art.title AS title,
       art.date AS date,
       r.evidence_sentence[i] AS sentence
ORDER BY relation, other, article, r.evidence_start[i], sentence
