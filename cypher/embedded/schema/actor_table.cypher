// The node table of one actor label in the embedded store (kg.sinks.embedded); __LABEL__ is a
// member of kg.schema.Label. `label` repeats the table's name and `keys` holds the lower-cased
// id, name and aliases, the two properties the query library reads on both engines.
CREATE NODE TABLE __LABEL__(
  id STRING PRIMARY KEY,
  label STRING,
  name STRING,
  aliases STRING[],
  articles STRING[],
  resolution STRING[],
  iso3 STRING,
  keys STRING[]
)
