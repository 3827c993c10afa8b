"""kg: a knowledge graph of diplomatic actors from news articles.

The data flow, one module per step:

    kg.sources   read_articles(paths) -> Article           (txt, md, html, jsonl, stdin)
    kg.nlp       load_pipeline() -> spaCy pipeline with kg's components
    kg.extract   Doc -> Extraction (actors, relations with evidence)
    kg.resolve   one id per real actor, within and across articles
    kg.graph     build_graph(extractions) -> networkx MultiDiGraph
    kg.sinks     graph.json, GraphML, Neo4j

``kg.ingest.ingest`` runs them all; ``kg.cli`` is the ``kg`` command.
"""
