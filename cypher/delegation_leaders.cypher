// Who leads and who sits on each delegation, and which party it represents.
//
// Parameters:
//   $delegation  a delegation's name, alias or id (any case); null (the default) for every delegation
//
// Columns: delegation, parties (what it REPRESENTS), leaders ("name (role)"), members
// (MEMBER_OF, leaders left out), articles (the ids of the articles that mention it).
MATCH (d:Delegation)
WHERE $delegation IS NULL OR toLower($delegation) IN d.keys
OPTIONAL MATCH (d)-[:REPRESENTS]->(party:Actor)
WITH d, collect(DISTINCT party.name) AS parties
OPTIONAL MATCH (leader:Person)-[l:LEADS]->(d)
WITH d, parties,
     collect(DISTINCT CASE WHEN l.role IS NULL THEN leader.name ELSE leader.name + ' (' + l.role + ')' END) AS leaders
OPTIONAL MATCH (member:Person)-[:MEMBER_OF]->(d)
WHERE NOT (member)-[:LEADS]->(d)
RETURN d.name AS delegation,
       parties,
       leaders,
       collect(DISTINCT member.name) AS members,
       d.articles AS articles
ORDER BY delegation
