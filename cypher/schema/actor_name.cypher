// Analyst queries look actors up by name ({name: $name}).
CREATE INDEX kg_actor_name IF NOT EXISTS
FOR (n:Actor) ON (n.name)
