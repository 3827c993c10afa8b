// What one article states: every relation it gives evidence for, with the sentence.
//
// Parameters:
//   $article  the article's id (its file name without extension, or its JSON line's id)
//
// Columns: article, title, date, url, source, relation, target, detail (the role or the
// claim), rule (what read it), confidence, sentence.
MATCH (art:Article)
WHERE art.id = $article
MATCH (s:Actor)-[r]->(t:Actor)
WHERE $article IN r.articles
UNWIND range(0, size(r.evidence_article) - 1) AS i
WITH art, s, r, t, i
WHERE r.evidence_article[i] = $article
RETURN art.id AS article,
       art.title AS title,
       art.date AS date,
       art.url AS url,
       s.name AS source,
       type(r) AS relation,
       t.name AS target,
       coalesce(r.role, r.claim) AS detail,
       r.evidence_rule[i] AS rule,
       r.evidence_confidence[i] AS confidence,
       r.evidence_sentence[i] AS sentence
ORDER BY r.evidence_start[i], source, relation, target, rule
