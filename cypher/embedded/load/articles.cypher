// Create the articles in a new embedded store; rows from kg.sinks.rows.article_rows.
UNWIND $rows AS row
CREATE (:Article {id: row.id, title: row.title, date: row.date, url: row.url})
