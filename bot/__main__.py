"""Command line: ``python -m bot reload | generate | export | purge-log | export-knowledge``.

Kept tiny: each command calls one function of the core and prints its result.
"""

from __future__ import annotations

import argparse
import sys

from bot import texts


def _reload(_args: argparse.Namespace) -> int:
    from bot.knowledge.loader import load, topic_count
    from bot.knowledge.schema import KnowledgeError

    try:
        revision, changed = load()
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return 1
    template = texts.RELOAD_DONE if changed else texts.RELOAD_UNCHANGED
    print(template.format(count=topic_count(), revision=revision))
    return 0


def _generate(_args: argparse.Namespace) -> int:
    from bot.knowledge.loader import read_knowledge
    from bot.knowledge.schema import KnowledgeError
    from bot.nlu.generate import write_generated

    try:
        knowledge = read_knowledge()
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return 1
    for path in write_generated(knowledge):
        print(f"generated {path}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from bot.analyses.export import export_to_file

    return export_to_file(args.user, args.analysis, args.output)


def _purge_log(args: argparse.Namespace) -> int:
    from bot.db import create_schema
    from bot.ops import texts as ops_texts
    from bot.ops.log import retention_days
    from bot.ops.retention import purge_all

    create_schema()
    days = retention_days() if args.days is None else args.days
    counts = purge_all(days)
    print(ops_texts.PURGE_DONE.format(days=days, **counts))
    return 0


def _export_knowledge(args: argparse.Namespace) -> int:
    from pathlib import Path

    from bot.knowledge.loader import KNOWLEDGE_DIR, load
    from bot.knowledge.repository import read_revision
    from bot.knowledge.schema import KnowledgeError
    from bot.ops import texts as ops_texts
    from bot.ops.knowledge_edit import export_overlay
    from bot.ops.overlay import read_entries

    directory = Path(args.directory) if args.directory else KNOWLEDGE_DIR
    count = len(read_entries())
    path = export_overlay(directory)
    if path is None:
        print(ops_texts.EXPORT_NOTHING)
        return 0
    try:
        load(directory)  # the YAML now holds what the overlay held: the revision stays
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(ops_texts.EXPORT_DONE.format(path=path, count=count, revision=read_revision()))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("reload", help="load knowledge/*.yml into the database").set_defaults(func=_reload)
    commands.add_parser("generate", help="write the jieba dictionary and NLU lookups").set_defaults(func=_generate)
    export = commands.add_parser("export", help="write a saved analysis as a Markdown report")
    export.add_argument("--user", required=True, help="user id that owns the analysis")
    export.add_argument("--analysis", type=int, help="analysis id (default: the latest)")
    export.add_argument("--output", "-o", help="file to write (default: reports/<id>.md)")
    export.set_defaults(func=_export)
    purge = commands.add_parser("purge-log", help="delete logged questions, feedback and handoffs past retention")
    purge.add_argument("--days", type=int, help="keep this many days (default: QUESTION_LOG_RETENTION_DAYS or 180)")
    purge.set_defaults(func=_purge_log)
    export_kb = commands.add_parser("export-knowledge", help="write the admin edits to knowledge/admin_additions.yml")
    export_kb.add_argument("--directory", help="knowledge directory (default: knowledge/)")
    export_kb.set_defaults(func=_export_knowledge)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
