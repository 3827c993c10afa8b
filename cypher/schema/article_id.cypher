// One node per article id: the provenance that nodes and relationships point at.
CREATE CONSTRAINT kg_article_id IF NOT EXISTS
FOR (a:Article) REQUIRE a.id IS UNIQUE
