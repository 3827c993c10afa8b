// Upsert relationships of one type: (:Actor)-[:__TYPE__ {...}]->(:Actor).
//
// A template: kg.sinks.neo4j replaces __TYPE__ with a member of kg.models.RelType (the
// relation types of kg/schema.py) and nothing else, since Cypher cannot take a relationship
// type as a parameter. Every value comes in as a parameter.
// Both ends must have been loaded already (actors.cypher); a row whose ends are missing is
// skipped by the MATCHes.
//
// Parameters:
//   $rows  [{source, target, properties: {articles, count, confidence, first_date?,
//            last_date?, role?, claim?, claims? (the attributes of kg/schema.py: this
//            statement says below how each merges), evidence_article, evidence_sentence,
//            evidence_start, evidence_end, evidence_rule, evidence_confidence}}],
//          built by kg.sinks.rows.relationship_rows
//
// The evidence is kept as parallel lists: the i-th entries of the evidence_* lists are one
// sentence that states the relation (its date is its article's). One piece of evidence is
// identified by article, start, end and rule. A new relationship gets the row's properties.
// A known one is written only when the row brings evidence, a role or a claim it lacks;
// the new evidence is then appended and the aggregates (articles, count, confidence, first
// and last date, claims) are merged. So loading the same rows twice sets nothing, and a
// second batch of articles merges into the first.
//
// replan=skip: the plan (unique-index seeks) suits a graph of any size; interpreted
// expressions: no fresh code for the JIT after a plan. Why: docs/neo4j.md, "How loading works".
CYPHER replan=skip expressionEngine=interpreted
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
MERGE (s)-[r:__TYPE__]->(t)
  ON CREATE SET r += row.properties
WITH r, row.properties AS p
// Cheap test first: a relationship just created, or written before from the same
// evidence, role and claims, has nothing to merge.
WHERE NOT (r.evidence_article = p.evidence_article AND r.evidence_start = p.evidence_start
           AND r.evidence_end = p.evidence_end AND r.evidence_rule = p.evidence_rule
           AND (r.role IS NOT NULL OR p.role IS NULL)
           AND all(c IN coalesce(p.claims, []) WHERE c IN coalesce(r.claims, [])))
WITH r, p,
     [i IN range(0, size(r.evidence_article) - 1) |
       r.evidence_article[i] + '|' + r.evidence_start[i] + '|' + r.evidence_end[i] + '|' + r.evidence_rule[i]] AS known
WITH r, p,
     [i IN range(0, size(p.evidence_article) - 1)
       WHERE NOT p.evidence_article[i] + '|' + p.evidence_start[i] + '|' + p.evidence_end[i] + '|'
                 + p.evidence_rule[i] IN known] AS new
WHERE size(new) > 0
   OR (r.role IS NULL AND p.role IS NOT NULL)
   OR any(c IN coalesce(p.claims, []) WHERE NOT c IN coalesce(r.claims, []))
SET r.evidence_article = r.evidence_article + [i IN new | p.evidence_article[i]],
    r.evidence_sentence = r.evidence_sentence + [i IN new | p.evidence_sentence[i]],
    r.evidence_start = r.evidence_start + [i IN new | p.evidence_start[i]],
    r.evidence_end = r.evidence_end + [i IN new | p.evidence_end[i]],
    r.evidence_rule = r.evidence_rule + [i IN new | p.evidence_rule[i]],
    r.evidence_confidence = r.evidence_confidence + [i IN new | p.evidence_confidence[i]],
    r.count = r.count + size(new),
    r.articles = COLLECT { UNWIND r.articles + p.articles AS x RETURN DISTINCT x ORDER BY x },
    r.confidence = CASE WHEN p.confidence > r.confidence THEN p.confidence ELSE r.confidence END,
    r.first_date = CASE WHEN r.first_date IS NULL OR p.first_date < r.first_date THEN p.first_date
                        ELSE r.first_date END,
    r.last_date = CASE WHEN r.last_date IS NULL OR p.last_date > r.last_date THEN p.last_date
                       ELSE r.last_date END,
    r.role = coalesce(r.role, p.role),
    r.claim = coalesce(r.claim, p.claim),
    r.claims = CASE WHEN p.claims IS NULL THEN r.claims
                    ELSE coalesce(r.claims, []) + [c IN p.claims WHERE NOT c IN coalesce(r.claims, [])] END
RETURN count(*) AS updated
