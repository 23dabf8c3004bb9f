"""Command line: ``python -m bot reload | generate | export``.

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
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
