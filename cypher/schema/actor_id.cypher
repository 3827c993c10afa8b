// Every actor has one node, whatever its label: loading MERGEs on (:Actor {id}).
// The constraint's index also makes the relationship loader's endpoint lookups fast.
CREATE CONSTRAINT kg_actor_id IF NOT EXISTS
FOR (n:Actor) REQUIRE n.id IS UNIQUE
