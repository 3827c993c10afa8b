// Who leads and who sits on each delegation, and which party it represents.
//
// Parameters:
//   $delegation  a delegation's name, alias or id (any case); null (the default) for every delegation
//
// Columns: delegation, parties (what it REPRESENTS), leaders ("name (role)"), members
// (MEMBER_OF, leaders left out), articles (the ids of the articles that mention it).
MATCH (d:Delegation)
WHERE $delegation IS NULL OR toLower($delegation) IN [x IN [d.id, d.name] + d.aliases | toLower(x)]
RETURN d.name AS delegation,
       COLLECT { MATCH (d)-[:REPRESENTS]->(p:Actor) RETURN p.name ORDER BY p.name } AS parties,
       COLLECT {
         MATCH (p:Person)-[r:LEADS]->(d)
         RETURN p.name + coalesce(' (' + r.role + ')', '') ORDER BY p.name
       } AS leaders,
       COLLECT {
         MATCH (p:Person)-[:MEMBER_OF]->(d) WHERE NOT (p)-[:LEADS]->(d)
         RETURN p.name ORDER BY p.name
       } AS members,
       d.articles AS articles
ORDER BY delegation
