"""The `kg` command: each subcommand parses its arguments, makes one library call, prints.

Exit codes: 0 everything went well, 1 some inputs failed (each named on
stderr in one line), 2 usage error.
"""
from __future__ import annotations

import csv
import functools
import json
import logging
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from kg.export import FORMATS
from kg.sources import COLUMN_NAMES, Columns, ReadFailure

stdout = Console()
stderr = Console(stderr=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def cli() -> None:
    """kg: a knowledge graph of diplomatic actors from news articles.

    \b
    Example:
      kg ingest data/articles --out kg-out
    """
    # The Neo4j driver warns, over many lines, of each transaction it retries (a deadlock
    # between two writers, a leader switch); kg reports the failures that remain.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())


def neo4j_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--uri, --user, --password, --database; each overrides Neo4j's own environment variable."""

    @click.option("--uri", help="Neo4j server [env NEO4J_URI; default neo4j://localhost:7687].")
    @click.option("--user", help="Neo4j user [env NEO4J_USERNAME; default neo4j].")
    @click.option("--password", help="Neo4j password [env NEO4J_PASSWORD].")
    @click.option("--database", help="Neo4j database [env NEO4J_DATABASE; default: the server's default].")
    @functools.wraps(command)
    def wrapper(*args: Any, uri: str | None, user: str | None, password: str | None, database: str | None,
                **kwargs: Any) -> Any:
        from kg.neo4j_server import Neo4jSettings

        settings = Neo4jSettings.from_env(uri=uri, user=user, password=password, database=database)
        return command(*args, settings=settings, **kwargs)

    return wrapper


def csv_column_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--text-column, --title-column, --date-column, --url-column, --id-column, passed on as one Columns."""
    fields = list(COLUMN_NAMES)
    for field in reversed(fields):
        command = click.option(f"--{field}-column", f"{field}_column", metavar="NAME",
                               help=f"CSV column of the article's {field} [default: the first of "
                                    f"{', '.join(COLUMN_NAMES[field])}"
                                    f"{'; else FILE-ROW' if field == 'id' else ''}].")(command)

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        columns = Columns(**{field: kwargs.pop(f"{field}_column") for field in fields})
        return command(*args, columns=columns, **kwargs)

    return wrapper


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--out", "-o", "out_dir", default="kg-out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for graph.json, graph.graphml and the per-article records.")
@click.option("--model", help="spaCy model to use (package name or path); default: the installed small English model.")
@click.option("--gazetteer", "gazetteer_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra gazetteer YAML file (states, organizations, titles, media); repeatable.")
@click.option("--workers", type=click.IntRange(min=1), help="Processes for extraction (default: one per core, at most 2).")
@click.option("--cluster", metavar="ADDRESS",
              help="Extract on the workers of this Dask scheduler (tcp://host:8786) instead of this machine.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--neo4j", "to_neo4j", is_flag=True,
              help="Then load the graph into Neo4j (as `kg load` does; see --uri and NEO4J_URI).")
@csv_column_options
@neo4j_options
def ingest(paths: tuple[str, ...], out_dir: str, model: str | None, gazetteer_files: tuple[str, ...],
           workers: int | None, cluster: str | None, as_json: bool, to_neo4j: bool, columns: Columns,
           settings: Any) -> None:
    """Extract actors and relations from articles and write the graph.

    PATHS are files (.txt, .md, .html, .jsonl, .csv, .jsonl.gz, .csv.gz), folders
    (read recursively) or - for standard input. A CSV row is an article; its columns
    are found by their usual names (text, body, content, title, date, url, id, ...)
    or named with the --*-column options. Articles already read into OUT are
    skipped; the graph in OUT covers every article read into it so far (those an
    older kg read are read again, from their stored text if they are not in PATHS).
    With --neo4j the graph is then loaded into Neo4j (the server is checked before
    reading starts).

    \b
    Example:
      kg ingest data/articles --out kg-out
      cat news.jsonl | kg ingest - --out kg-out --json
      kg ingest crawl.csv.gz --text-column maintext_clean --date-column first_seen
      NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=secret kg ingest data/articles --neo4j
      kg ingest archive/ --out archive-graph --cluster tcp://scheduler:8786
    """
    from kg.cluster import ClusterError
    from kg.gazetteer import GazetteerError
    from kg.ingest import ingest as run_ingest
    from kg.nlp import ModelNotFound
    from kg.neo4j_server import Neo4jError, connect
    from kg.sinks.neo4j import load_graph
    from kg.store import stored_articles

    if to_neo4j:
        try:
            connect(settings).close()
        except Neo4jError as exc:
            raise click.ClickException(str(exc)) from None

    with _progress() as progress:
        task = progress.add_task("articles", total=None)

        def on_article(item: Any) -> None:
            if isinstance(item, ReadFailure):
                progress.console.print(f"[red]error[/red] {escape(str(item))}", highlight=False, soft_wrap=True)
            progress.advance(task)

        try:
            result = run_ingest(paths, out_dir, model=model, gazetteer_files=gazetteer_files,
                                workers=workers, on_article=on_article, cluster=cluster, columns=columns)
        except (ModelNotFound, ClusterError, GazetteerError) as exc:
            raise click.ClickException(str(exc)) from None
    _print_skipped(result.skipped)
    summary = result.summary
    report = None
    if to_neo4j:
        try:
            with _load_progress() as progress:
                task = progress.add_task("loading into Neo4j", total=None)
                report = load_graph(result.graph, stored_articles(out_dir), settings,
                                    on_batch=lambda _, rows: progress.advance(task, rows))
        except Neo4jError as exc:
            raise click.ClickException(str(exc)) from None
    if as_json:
        extra = {"neo4j": report.to_dict()} if report else {}
        click.echo(json.dumps({**summary, "failures": [str(f) for f in result.failures],
                               "skipped": [str(p) for p in result.skipped], **extra}, indent=2))
    else:
        _print_summary(summary)
        if report:
            _print_load_report(report, settings)
    sys.exit(1 if result.failures else 0)


@cli.command()
@click.argument("out_dir", default="kg-out", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "-f", "fmt", type=click.Choice(list(FORMATS)), default="html",
              show_default=True, help="html: the interactive page; gexf: Gephi, with colours and a timeline.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="File to write (replaced whole, never left half-written); default: standard output.")
def export(out_dir: str, fmt: str, output: str) -> None:
    """Write the graph that `kg ingest` left in OUT_DIR as a page or a file for other tools.

    The html page opens from disk with no network: actors coloured by label and
    sized by their relations, filters by relation type, label and date, search by
    name, and for a clicked actor or relation its evidence sentences and articles.

    \b
    Example:
      kg export kg-out --format html -o graph.html
      kg export kg-out --format gexf -o graph.gexf
      kg export kg-out --format json | jq '.nodes | length'
    """
    from kg.export import export_graph

    target = sys.stdout.buffer if output == "-" else output
    try:
        graph = export_graph(out_dir, fmt, target)
    except (OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    if output != "-":
        stderr.print(f"wrote {output} ({graph.number_of_nodes()} actors, {graph.number_of_edges()} relations)",
                     highlight=False, soft_wrap=True)


@cli.command()
@click.argument("out_dir", default="kg-out", type=click.Path(exists=True, file_okay=False))
@click.option("--batch-size", type=click.IntRange(min=1), default=5000, show_default=True,
              help="Rows written per transaction.")
@click.option("--writers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Sessions writing at once; more suit a server with more cores.")
@click.option("--json", "as_json", is_flag=True, help="Print what changed as JSON.")
@neo4j_options
def load(out_dir: str, batch_size: int, writers: int, as_json: bool, settings: Any) -> None:
    """Load the graph that `kg ingest` wrote into OUT_DIR into Neo4j.

    Actors become (:Actor:Person|State|Organization|Delegation) nodes, relations
    typed relationships with their evidence, articles (:Article) nodes.
    Loading is safe to repeat: what is already there is left alone, and a graph
    of other articles merges into it. The server comes from NEO4J_URI,
    NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE, or the flags.

    \b
    Example:
      NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=secret kg load kg-out
    """
    from kg.neo4j_server import Neo4jError
    from kg.sinks.neo4j import load_output

    try:
        with _load_progress() as progress:
            task = progress.add_task("loading into Neo4j", total=None)
            report = load_output(out_dir, settings, batch_size=batch_size, writers=writers,
                                 on_batch=lambda _, rows: progress.advance(task, rows))
    except (Neo4jError, OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        _print_load_report(report, settings)


@cli.command()
@click.argument("query_name", metavar="QUERY", required=False)
@click.option("--execute", "-e", "text", metavar="CYPHER", help="Run this Cypher instead of a file.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter; VALUE is read as JSON when it parses, else as a string. Repeatable.")
@click.option("--out", "-o", "out_dir", default="kg-out", show_default=True, type=click.Path(file_okay=False),
              help="The output folder whose embedded store answers (when no Neo4j server is set).")
@click.option("--json", "as_json", is_flag=True, help="Print the rows as a JSON list of objects.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the rows as CSV (lists as JSON).")
@click.option("--list", "list_queries", is_flag=True, help="List the queries of the library and their parameters.")
@click.option("--write", is_flag=True, help="Allow the query to change the data (read-only otherwise).")
@neo4j_options
def query(query_name: str | None, text: str | None, params: tuple[str, ...], out_dir: str, as_json: bool,
          as_csv: bool, list_queries: bool, write: bool, settings: Any) -> None:
    """Run a Cypher query and print the rows as a table.

    With no Neo4j server set, the query runs in kg's own process on the
    embedded store of OUT (built from OUT's graph the first time, and again
    whenever `kg ingest` has changed it). With NEO4J_URI or --uri it runs on
    that Neo4j server, into which `kg load` put the graph. QUERY is a
    .cypher file or the name of a query in the project's library
    (cypher/NAME.cypher; see --list). Parameters the query uses but that
    are not given take the header's default, else null, which the
    library's queries read as "all". The query runs read-only: a write is
    refused unless --write is given.

    \b
    Example:
      kg query delegation_leaders
      kg query actor_profile --param name="Igor Kostyukov" --out kg-out
      kg query -e "MATCH (a:State) RETURN a.name AS state ORDER BY state" --csv
      NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=secret kg query most_accused -p limit=5
    """
    from kg.cypher import QueryNotFound, find_query, inline_query, library, parse_params
    from kg.query import EmbeddedTarget, QueryError, run_query
    from kg.neo4j_server import Neo4jError

    if list_queries:
        _print_library(library())
        return
    if (query_name is None) == (text is None):
        raise click.UsageError("give either a QUERY (a file or a library name) or -e CYPHER")
    if as_json and as_csv:
        raise click.UsageError("--json and --csv exclude each other")
    try:
        chosen = inline_query(text) if text is not None else find_query(query_name)
        values = parse_params(params)
    except QueryNotFound as exc:
        raise click.BadParameter(str(exc), param_hint="QUERY") from None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--param") from None
    target = settings if settings.configured else EmbeddedTarget(Path(out_dir))
    try:
        result = run_query(chosen, values, target, write=write)
    except (Neo4jError, QueryError, OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(result.records(), ensure_ascii=False, indent=2))
    elif as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([[_csv_cell(v) for v in row] for row in result.rows])
    else:
        _print_rows(result.columns, result.rows)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--articles", type=click.Path(exists=True),
              help="Articles to ingest first (default: the 'articles' folder beside GOLD).")
@click.option("--graph", "graph_file", type=click.Path(exists=True, dir_okay=False),
              help="Score this graph.json instead of ingesting.")
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False),
              help="Folder for the ingest output (default: a temporary folder).")
@click.option("--verbose", "-v", is_flag=True, help="List every false positive and false negative.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold: str, articles: str | None, graph_file: str | None, out_dir: str | None,
             verbose: bool, as_json: bool) -> None:
    """Precision, recall and F1 against gold annotations, per label and per type.

    Scoring follows ANNOTATION.md: names match after normalisation, symmetric
    relations match in either direction, optional gold items do not count.

    \b
    Example:
      kg eval tests/data/dev/gold.jsonl --articles tests/data/dev/articles
    """
    from kg.evaluate import evaluate_gold

    with _progress() as progress:
        task = progress.add_task("articles", total=None)
        result = evaluate_gold(gold, articles=articles, graph_file=graph_file, out_dir=out_dir,
                               on_article=lambda _: progress.advance(task))
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2))
        return
    if verbose:
        for line in result.errors:
            click.echo(line)
    _print_scores(result)


@cli.command()
@click.argument("name")
@click.option("--out", "-o", "out_dir", default="kg-out", show_default=True, type=click.Path(file_okay=False),
              help="Folder that `kg ingest` wrote.")
@click.option("--json", "as_json", is_flag=True, help="Print the matches and the profile as JSON.")
def show(name: str, out_dir: str, as_json: bool) -> None:
    """Show one actor: its names, articles and relations, each with a sentence.

    NAME is an actor's name, an alias or its id; case and accents do not
    count, and a part of a name ("Umerov") or a near spelling ("Medinski")
    finds the actor too. When NAME matches several actors, they are listed
    with their ids and none is shown (exit 0): ask again with the id. When it
    matches none, exit 1.

    \b
    Example:
      kg show "Rustem Umerov"
      kg show erdogan --out kg-out --json
      kg show state:UKR
    """
    from kg.report import lookup_actor

    try:
        lookup = lookup_actor(out_dir, name)
    except (OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(lookup.to_dict(), ensure_ascii=False, indent=2))
    elif lookup.profile:
        _print_profile(lookup.profile)
    elif lookup.matches:
        _print_matches(lookup)
    if not lookup.matches:
        raise click.ClickException(f"no actor in {out_dir} is called {name!r} (by name, alias or id)")


@cli.command()
@click.argument("out_dir", default="kg-out", type=click.Path(file_okay=False))
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Actors in each ranking.")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
def stats(out_dir: str, top: int, as_json: bool) -> None:
    """Statistics of the graph in OUT_DIR: counts, rankings, articles by month.

    Actors by label and relations by type; the most connected actors (by
    relations), the most accused (by ACCUSES statements against them) and the
    most active mediators (by MEDIATES statements), each statement counted as
    often as sentences state it; and the articles read per month.

    \b
    Example:
      kg stats kg-out
      kg stats kg-out --top 5 --json
    """
    from kg.report import output_stats

    try:
        result = output_stats(out_dir, top)
    except (OSError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_stats(result)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=stderr, transient=True,
    )


def _print_skipped(skipped: list[Path]) -> None:
    """One line on stderr per folder and file type that kg left out: "skipped 2 .pdf files in corpus/"."""
    from kg.sources import SUPPORTED_SUFFIXES, is_documentation

    for path in filter(is_documentation, skipped):
        stderr.print(f"[yellow]skipped[/yellow] {escape(str(path))} (a folder's documentation, not an article; "
                     "name the file to read it)", highlight=False, soft_wrap=True)
    groups = Counter((str(path.parent), path.suffix.lower() or "suffix-less")
                     for path in skipped if not is_documentation(path))
    for (folder, suffix), count in groups.items():
        stderr.print(f"[yellow]skipped[/yellow] {count} {suffix} file{'s' * (count > 1)} in {folder} "
                     f"(kg reads {', '.join(SUPPORTED_SUFFIXES)})", highlight=False, soft_wrap=True)


def _print_summary(summary: dict[str, Any]) -> None:
    articles = summary["articles"]
    again = f" ({articles['re_read']} stored by another version of kg, read again)" if articles["re_read"] else ""
    stdout.print(
        f"{articles['extracted']} articles read{again}, {articles['already_read']} already in the graph, "
        f"{articles['failed']} failed", highlight=False,
    )
    counts = Table(title="Graph", show_header=True)
    counts.add_column("actors")
    counts.add_column("count", justify="right")
    counts.add_column("relations")
    counts.add_column("count", justify="right")
    actors = list(summary["actors"].items())
    relations = list(summary["relations"].items())
    for i in range(max(len(actors), len(relations))):
        a = actors[i] if i < len(actors) else ("", "")
        r = relations[i] if i < len(relations) else ("", "")
        counts.add_row(a[0], str(a[1]), r[0], str(r[1]))
    stdout.print(counts)
    top = Table(title="Most connected actors")
    for column in ("actor", "label", "relations"):
        top.add_column(column, justify="right" if column == "relations" else "left")
    for row in summary["most_connected"]:
        top.add_row(Text(row["name"]), row["label"], str(row["degree"]))
    stdout.print(top)
    for path in summary["outputs"]:
        stdout.print(f"wrote {path}", highlight=False)


def _load_progress() -> Progress:
    """The progress bar of a load; off when stderr is not a terminal, so an error stays one line."""
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}: {task.completed} rows"), TimeElapsedColumn(),
        console=stderr, transient=True, disable=not stderr.is_terminal,
    )


def _print_load_report(report: Any, settings: Any) -> None:
    where = settings.uri + (f" (database {settings.database})" if settings.database else "")
    stdout.print(
        f"loaded into {where} in {report.seconds:.1f} s: "
        f"{report.nodes} actors, {report.relationships} relations, {report.articles} articles; "
        f"{report.nodes_created} nodes and {report.relationships_created} relationships created, "
        f"{report.nodes_updated} nodes and {report.relationships_updated} relationships updated",
        highlight=False,
    )


def _print_library(queries: list[Any]) -> None:
    table = Table(title="Query library (kg query NAME)")
    for column in ("name", "what it answers", "parameters"):
        table.add_column(column)
    for q in queries:
        table.add_row(q.name, q.description, " ".join(f"${p}" for p in q.parameters))
    stdout.print(table)


def _print_rows(columns: list[str], rows: list[list[Any]]) -> None:
    table = Table(caption=f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(Text(_table_cell(v)) for v in row))
    stdout.print(table)


def _table_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return ", ".join(str(v) for v in value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _print_scores(result: Any) -> None:
    table = Table(title="Quality against gold")
    for column in ("", "type", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column in ("", "type") else "right")
    for kind, counts in (("entity", result.entities), ("relation", result.relations)):
        for name, c in sorted(counts.items()):
            table.add_row(kind, name, f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}", str(c.tp), str(c.fp), str(c.fn))
        total = result.total(counts)
        table.add_row(kind, "[b]all[/b]", f"{total.precision:.2f}", f"{total.recall:.2f}", f"[b]{total.f1:.2f}[/b]",
                      str(total.tp), str(total.fp), str(total.fn))
    stdout.print(table)


def _print_profile(profile: Any) -> None:
    """An actor's profile: a panel of who it is, then one table per relation type."""
    lines = [Text.assemble((profile.name, "bold"), f"  {profile.label}  {profile.id}")]
    if profile.iso3:
        lines.append(Text(f"ISO 3166: {profile.iso3}"))
    if profile.aliases:
        lines.append(Text("also called: " + ", ".join(profile.aliases)))
    if profile.resolution:
        lines.append(Text("how its names became one:"))
        lines.extend(Text(f"  - {step}") for step in profile.resolution)
    lines.append(Text(f"in {len(profile.articles)} article{'s' * (len(profile.articles) != 1)}:"))
    lines.extend(Text("  " + "  ".join(x for x in (a.id, a.date, a.title) if x))
                 for a in profile.articles)
    stdout.print(Panel(Group(*lines), expand=False))
    # Each relation on a line, its evidence sentence under it, indented: a sentence needs the width.
    for rel_type, links in profile.relations.items():
        stdout.print(Text(f"\n{rel_type} ({len(links)})", style="bold"))
        for link in links:
            dates = " .. ".join(dict.fromkeys(d for d in (link.first_date, link.last_date) if d))
            facts = [f"{link.count} sentence{'s' * (link.count != 1)}", *(x for x in (link.role, *link.claims) if x)]
            source = ", ".join(x for x in (link.evidence.article, link.evidence.date) if x)
            if dates:
                facts.append(dates)
            stdout.print(Padding(Text.assemble(f"{link.phrase} ", (link.other_name, "bold"), f" ({link.other_label})",
                                               (" · " + " · ".join(facts), "dim")), (0, 0, 0, 2)))
            stdout.print(Padding(Text.assemble((link.evidence.sentence, "italic"), (f"  [{source}]", "dim")),
                                 (0, 0, 0, 6)))


def _print_matches(lookup: Any) -> None:
    table = Table(title=f"{len(lookup.matches)} actors match {lookup.name!r}: give one id (kg show ID)",
                  title_justify="left")
    for column in ("actor", "label", "id", "relations"):
        table.add_column(column, justify="right" if column == "relations" else "left")
    for match in lookup.matches:
        table.add_row(Text(match.name), match.label, Text(match.id), str(match.degree))
    stdout.print(table)


def _print_stats(result: Any) -> None:
    counts = Table(title=f"Graph: {result.articles} articles", show_header=True)
    for column in ("actors", "count", "relations", "count"):
        counts.add_column(column, justify="right" if column == "count" else "left")
    actors, relations = list(result.actors.items()), list(result.relations.items())
    for i in range(max(len(actors), len(relations))):
        a = actors[i] if i < len(actors) else ("", "")
        r = relations[i] if i < len(relations) else ("", "")
        counts.add_row(a[0], str(a[1]), r[0], str(r[1]))
    stdout.print(counts)
    for title, ranking, measure in (("Most connected actors", result.most_connected, "relations"),
                                    ("Most accused", result.most_accused, "accusations"),
                                    ("Most active mediators", result.most_active_mediators, "mediations")):
        table = Table(title=title)
        for column in ("actor", "label", measure):
            table.add_column(column, justify="right" if column == measure else "left")
        for row in ranking:
            table.add_row(Text(row.name), row.label, str(row.value))
        stdout.print(table)
    months = Table(title="Articles by month")
    months.add_column("month")
    months.add_column("articles", justify="right")
    for month, count in result.articles_by_month.items():
        months.add_row(month, str(count))
    months.add_row("undated", str(result.undated_articles))
    stdout.print(months)


if __name__ == "__main__":
    cli()
