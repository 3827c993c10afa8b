// The articles of the embedded store (kg.sinks.embedded), as Neo4j's (:Article) nodes.
CREATE NODE TABLE Article(id STRING PRIMARY KEY, title STRING, date STRING, url STRING)
