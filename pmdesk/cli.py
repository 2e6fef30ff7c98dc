"""The `pmdesk` command (**contract**).

Exit 0 on success, 1 when the job ran but found a problem (a failed check),
2 on bad input or usage: one clear sentence on stderr, never a traceback.
Headless commands never import Qt, so they work without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pmdesk import __version__

COMMANDS = ("new", "sample", "info", "check", "export", "import", "baseline", "merge", "search")
EXIT_OK, EXIT_PROBLEM, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """Bad command-line usage; the message is shown after `pmdesk: `."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see pmdesk {self.prog.split()[-1]} --help)")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pmdesk",
        description="Offline roadmap and PRD editor for product managers. "
        "Run `pmdesk [FILE]` to open the window, or one of the commands below.",
    )
    parser.add_argument("--version", action="version", version=f"pmdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("new", help="create an empty project file")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--title", default="", help="project title")
    p.add_argument("--template", default="blank", help="blank (default), prd-zh or prd-en")
    p.add_argument("--product", default="", help="the product's name")
    p.add_argument("--prefix", help="the requirement keys' prefix (default: REQ)")
    p.add_argument(
        "--lang", choices=("zh", "en"), help="language of the PRD (default: the template's)"
    )

    p = sub.add_parser("sample", help="write the bundled sample project")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="sample language")

    p = sub.add_parser("info", help="schema version, counts, who holds the lock")
    p.add_argument("file", type=Path, metavar="FILE")

    p = sub.add_parser("check", help="integrity and schema check")
    p.add_argument("file", type=Path, metavar="FILE")

    p = sub.add_parser(
        "export",
        help="export the PRD (docx, md, pdf), a JSON snapshot, or the requirements "
        "(csv, xlsx, reqif)",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--format", required=True, choices=("md", "docx", "pdf", "json", "csv", "xlsx", "reqif")
    )
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    p.add_argument(
        "--lang", choices=("zh", "en"), help="language of headings and labels (default: project's)"
    )
    p.add_argument("--baseline", metavar="NAME", help="add the changes since baseline NAME")
    p.add_argument(
        "--redline",
        action="store_true",
        help="docx: show the changes since --baseline as Word's tracked changes",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="write nothing and exit 1 if the document has problems (broken pmdesk blocks)",
    )
    p.add_argument(
        "--view",
        metavar="NAME",
        help="csv, xlsx: the rows and columns of saved view NAME (key and title first)",
    )

    p = sub.add_parser(
        "import",
        help="create a project from a JSON snapshot, a spreadsheet, Jira or ReqIF",
        description="Create FILE from IN, or with --update merge IN into FILE by key or uid. "
        "Columns are guessed from their headers (Chinese or English); MAP.json says "
        'otherwise: {"columns": {"<column>": "<field>"}, "values": {"<field>": '
        '{"<source value>": "<pmdesk value>"}}}. Nothing is written if a row has a problem.',
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--from", dest="source", required=True, type=Path, metavar="IN")
    p.add_argument(
        "--format",
        choices=("json", "csv", "xlsx", "jira", "reqif"),
        help="the format of IN (default: from its extension)",
    )
    p.add_argument("--map", type=Path, metavar="MAP.json", help="which column is which field")
    p.add_argument(
        "--update", action="store_true", help="merge IN into the existing FILE by key or uid"
    )
    p.add_argument("--replace", action="store_true", help="overwrite FILE if it exists")

    p = sub.add_parser(
        "baseline",
        help="freeze the project as a named baseline, or list the baselines",
        description="Save the project as it is now as baseline NAME (for example "
        '"v1.0 评审版"), to compare with later: pmdesk export --baseline NAME.',
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("name", nargs="?", metavar="NAME", help="the new baseline's name")
    p.add_argument("--list", action="store_true", help="list the baselines instead")

    p = sub.add_parser(
        "search",
        help="full-text search: matches best first, exit 1 when none",
        description="Search keys, titles, descriptions, acceptance criteria, owners, tags, "
        "sources, personas and PRD sections for QUERY (every word, any case, Chinese or English).",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("query", metavar="QUERY")
    p.add_argument(
        "--json", action="store_true", help='print [{"key", "uid", "title", "field", "snippet"}]'
    )

    p = sub.add_parser(
        "merge",
        help="three-way merge of two edited copies of one project",
        description="Merge MINE and THEIRS, two edited copies of BASE, into OUT. "
        "Exit 1 with a conflict report when both changed the same thing differently.",
    )
    p.add_argument("base", type=Path, metavar="BASE", help="the copy both started from")
    p.add_argument("mine", type=Path, metavar="MINE")
    p.add_argument("theirs", type=Path, metavar="THEIRS")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    p.add_argument(
        "--prefer", choices=("mine", "theirs"), help="settle every conflict for this side"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    from pmdesk.cli_commands import CommandError
    from pmdesk.core.errors import PmdeskError

    try:
        if args_list and (args_list[0] in COMMANDS or args_list[0].startswith("-")):
            args = _parser().parse_args(args_list)
            if args.command is None:
                raise UsageError("no command given (see pmdesk --help)")
            return _run(args)
        return _open_window(args_list)
    except UsageError as e:
        print(f"pmdesk: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (PmdeskError, CommandError) as e:
        print(f"pmdesk: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as e:  # a path the system refuses (too long, no such device, …)
        where = f"{e.filename}: " if e.filename else ""
        print(f"pmdesk: {where}{e.strerror or e}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("pmdesk: interrupted.", file=sys.stderr)
        return 130
    except Exception as e:  # a pmdesk bug: still one sentence, unless debugging
        if os.environ.get("PMDESK_DEBUG"):
            raise
        print(
            f"pmdesk: internal error ({type(e).__name__}: {e}); please report it.", file=sys.stderr
        )
        return EXIT_BAD_INPUT


def _run(args: argparse.Namespace) -> int:
    from pmdesk import cli_commands

    handler = getattr(cli_commands, f"cmd_{args.command}")
    return int(handler(args))


def _open_window(args: list[str]) -> int:
    if len(args) > 1:
        raise UsageError(f"unknown command {args[0]!r} (see pmdesk --help)")
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        raise UsageError(
            "no display found: the window needs a graphical session "
            "(the commands work without one, see pmdesk --help)"
        )
    from pmdesk.app.launch import run_window

    return run_window(Path(args[0]) if args else None)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
