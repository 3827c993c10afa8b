// Upsert articles: one (:Article {id, title, date, url}) per row.
//
// Parameters:
//   $rows  [{id, properties: {title?, date?, url?}}], built by kg.sinks.rows.article_rows
//
// A new article gets its properties. A known one is written only when a row brings
// metadata it lacks or that differs, so loading the same rows twice sets nothing.
//
// replan=skip: the plan (unique-index seeks) suits a graph of any size; interpreted
// expressions: no fresh code for the JIT after a plan. Why: docs/neo4j.md, "How loading works".
CYPHER replan=skip expressionEngine=interpreted
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
  ON CREATE SET a += row.properties
WITH a, row.properties AS p
WHERE (p.title IS NOT NULL AND coalesce(a.title <> p.title, true))
   OR (p.date IS NOT NULL AND coalesce(a.date <> p.date, true))
   OR (p.url IS NOT NULL AND coalesce(a.url <> p.url, true))
SET a.title = coalesce(p.title, a.title),
    a.date = coalesce(p.date, a.date),
    a.url = coalesce(p.url, a.url)
RETURN count(*) AS updated
