// Create the actors of one label in a new embedded store; rows from kg.sinks.rows.node_rows.
UNWIND $rows AS row
CREATE (:__LABEL__ {
  id: row.id, label: row.label, name: row.name, aliases: row.aliases, articles: row.articles,
  resolution: row.resolution, iso3: row.iso3, keys: row.keys
})
