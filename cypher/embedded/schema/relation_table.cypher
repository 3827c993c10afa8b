// The relationship table of one relation type in the embedded store (kg.sinks.embedded):
// __TYPE__ is a member of kg.schema.RelType, __ENDS__ the label pairs kg.schema allows it
// ("FROM Person TO State, ..."). Every table has every attribute column (role, claim, claims),
// so that a query over several types reads them as null where a type has none, as on Neo4j.
CREATE REL TABLE __TYPE__(
  __ENDS__,
  articles STRING[],
  count INT64,
  confidence DOUBLE,
  first_date STRING,
  last_date STRING,
  role STRING,
  claim STRING,
  claims STRING[],
  evidence_article STRING[],
  evidence_sentence STRING[],
  evidence_start INT64[],
  evidence_end INT64[],
  evidence_rule STRING[],
  evidence_confidence DOUBLE[]
)
