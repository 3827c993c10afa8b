// Create the relations of one type between actors of two labels in a new embedded store;
// rows from kg.sinks.rows.relationship_rows, flattened (kg.sinks.embedded).
UNWIND $rows AS row
MATCH (s:__SOURCE__ {id: row.source}), (t:__TARGET__ {id: row.target})
CREATE (s)-[:__TYPE__ {
  articles: row.articles, count: row.count, confidence: row.confidence,
  first_date: row.first_date, last_date: row.last_date,
  role: row.role, claim: row.claim, claims: CAST(row.claims AS STRING[]),
  evidence_article: row.evidence_article, evidence_sentence: row.evidence_sentence,
  evidence_start: row.evidence_start, evidence_end: row.evidence_end,
  evidence_rule: row.evidence_rule, evidence_confidence: row.evidence_confidence
}]->(t)
