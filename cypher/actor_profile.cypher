// An actor's profile: every relation it has, with the sentences that state it and their articles.
//
// Parameters:
//   $name  the actor's name, alias or id (any case), e.g. "Igor Kostyukov", "Kremlin", "state:RUS"
//
// One row per evidence sentence. Columns: actor, label, relation ("LEADS ->" from the
// actor, "<- ACCUSES" towards it), other, detail (the role or the claim), article, title,
// date (the article's), sentence.
MATCH (a:Actor)
WHERE toLower($name) IN [x IN [a.id, a.name] + a.aliases | toLower(x)]
MATCH (a)-[r]-(o:Actor)
UNWIND range(0, size(r.evidence_article) - 1) AS i
OPTIONAL MATCH (art:Article {id: r.evidence_article[i]})
RETURN a.name AS actor,
       [l IN labels(a) WHERE l <> 'Actor'][0] AS label,
       CASE WHEN startNode(r) = a THEN type(r) + ' ->' ELSE '<- ' + type(r) END AS relation,
       o.name AS other,
       coalesce(r.role, r.claim) AS detail,
       r.evidence_article[i] AS article,
       art.title AS title,
       art.date AS date,
       r.evidence_sentence[i] AS sentence
ORDER BY relation, other, article, r.evidence_start[i]
