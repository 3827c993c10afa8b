"""The `kg` command: each subcommand parses its arguments, makes one library call, prints.

Exit codes: 0 everything went well, 1 some inputs failed (each named on
stderr in one line), 2 usage error.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.sources import ReadFailure

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


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--out", "-o", "out_dir", default="kg-out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for graph.json, graph.graphml and the per-article records.")
@click.option("--model", help="spaCy model to use (package name or path); default: the installed small English model.")
@click.option("--gazetteer", "gazetteer_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra gazetteer YAML file (states, organizations, titles, media); repeatable.")
@click.option("--workers", type=click.IntRange(min=1), help="Processes for extraction (default: one per core, at most 2).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def ingest(paths: tuple[str, ...], out_dir: str, model: str | None, gazetteer_files: tuple[str, ...],
           workers: int | None, as_json: bool) -> None:
    """Extract actors and relations from articles and write the graph.

    PATHS are files (.txt, .md, .html, .jsonl), folders (read recursively) or
    - for standard input. Articles already read into OUT are skipped; the graph
    in OUT covers every article read into it so far.

    \b
    Example:
      kg ingest data/articles --out kg-out
      cat news.jsonl | kg ingest - --out kg-out --json
    """
    from kg.ingest import ingest as run_ingest
    from kg.nlp import ModelNotFound

    with _progress() as progress:
        task = progress.add_task("articles", total=None)

        def on_article(item: Any) -> None:
            if isinstance(item, ReadFailure):
                progress.console.print(f"[red]error[/red] {item}", highlight=False, soft_wrap=True)
            progress.advance(task)

        try:
            result = run_ingest(paths, out_dir, model=model, gazetteer_files=gazetteer_files,
                                workers=workers, on_article=on_article)
        except ModelNotFound as exc:
            raise click.ClickException(str(exc)) from None
    summary = result.summary
    if as_json:
        click.echo(json.dumps({**summary, "failures": [str(f) for f in result.failures]}, indent=2))
    else:
        _print_summary(summary)
    sys.exit(1 if result.failures else 0)


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


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=stderr, transient=True,
    )


def _print_summary(summary: dict[str, Any]) -> None:
    articles = summary["articles"]
    stdout.print(
        f"{articles['extracted']} articles read, {articles['already_read']} already in the graph, "
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
        top.add_row(row["name"], row["label"], str(row["degree"]))
    stdout.print(top)
    for path in summary["outputs"]:
        stdout.print(f"wrote {path}", highlight=False)


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


if __name__ == "__main__":
    cli()
