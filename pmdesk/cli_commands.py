"""The headless commands behind `pmdesk COMMAND` (cli.py parses them): core
and export only, no Qt. An open project is a core `Project`, as in the window."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from pmdesk.core.storage.fileformat import FILE_SUFFIX, read_header, refuse_project_target

if TYPE_CHECKING:
    from pmdesk.core.queries.setup import ProjectInfo
    from pmdesk.export.doc import Document

EXIT_OK, EXIT_PROBLEM = 0, 1


class CommandError(Exception):
    """A command cannot do what was asked; the message is one English sentence
    (the command line's own words; core errors carry codes, see core.messages)."""


_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10))


def _say(text: str) -> None:
    # Titles come from shared files: never let one send terminal escape codes.
    print(text.translate(_CONTROL))


def _project_target(path: Path) -> Path:
    if path.suffix != FILE_SUFFIX:
        raise CommandError(f"{path.name}: a project file name must end in {FILE_SUFFIX}.")
    return path


def cmd_new(args: argparse.Namespace) -> int:
    from pmdesk.core.domain.vocabulary import DEFAULT_KEY_PREFIX
    from pmdesk.core.newproject.templates import TEMPLATE_NAMES, new_project

    target = _project_target(args.file)
    if target.exists():
        raise CommandError(f"{target} exists already; choose another name.")
    if args.template not in TEMPLATE_NAMES:
        names = ", ".join(TEMPLATE_NAMES[:-1]) + " and " + TEMPLATE_NAMES[-1]
        raise CommandError(f"There is no template {args.template!r}; the templates are {names}.")
    new_project(
        target,
        title=args.title,
        product=args.product,
        key_prefix=DEFAULT_KEY_PREFIX if args.prefix is None else args.prefix,
        language=args.lang,
        template=args.template,
    )
    _say(f"Created {target}.")
    return EXIT_OK


def cmd_sample(args: argparse.Namespace) -> int:
    from pmdesk.core.newproject.sample import write_sample

    target = _project_target(args.file)
    if target.exists():
        raise CommandError(f"{target} exists already; choose another name.")
    write_sample(target, args.lang)
    _say(f"Wrote the sample project to {target}.")
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    from pmdesk.core.domain.vocabulary import SCORING_TERMS
    from pmdesk.core.project import Project

    header = read_header(args.file)
    with Project.view(args.file) as project:
        info, n = project.info(), project.counts()
    review = f" ({n.suspect_links} need review)" if n.suspect_links else ""
    lines = [
        f"file:          {args.file}",
        f"title:         {info.title}",
        f"product:       {info.product}",
        f"version:       {info.version}",
        f"language:      {info.language}",
        f"key prefix:    {info.key_prefix}",
        f"document:      {_document_text(info)}",
        f"scoring:       {SCORING_TERMS[info.scoring].en}",
        f"schema:        {header.schema_version}",
        f"size:          {header.file_size:,} bytes",
        f"requirements:  {n.requirements}",
        f"releases:      {n.releases}",
        f"milestones:    {n.milestones}",
        f"lanes:         {n.lanes}",
        f"links:         {n.links}{review}",
        f"personas:      {n.personas}",
        f"sections:      {n.sections}",
        f"baselines:     {n.baselines}",
        f"history:       {n.history} changes",
        f"lock:          {_lock_text(args.file)}",
    ]
    _say("\n".join(lines))
    return EXIT_OK


def _document_text(info: ProjectInfo) -> str:
    """The PRD's status, confidentiality and number (schema 5), in English."""
    parts = [
        info.doc_status.replace("_", " "),
        info.confidentiality,
        f"no. {info.doc_number}" if info.doc_number else "",
    ]
    return ", ".join(p for p in parts if p)


def _lock_text(path: Path) -> str:
    """Who holds the project's lock file, for `info`."""
    from pmdesk.core.storage.lockfile import read_lock

    held = read_lock(path)
    if held is None:
        return "not locked"
    if held.is_stale:
        return f"stale: {held.describe()}, a process that has ended (the next open clears it)"
    return held.describe()


def cmd_check(args: argparse.Namespace) -> int:
    from pmdesk.core.storage.projectfile import check

    problems = check(args.file)
    if problems:
        for p in problems[:20]:
            print(f"pmdesk: {args.file.name}: {p}", file=sys.stderr)
        return EXIT_PROBLEM
    _say(f"{args.file.name}: ok")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    if args.redline and not args.baseline:
        raise CommandError("--redline shows the changes since a baseline: add --baseline NAME.")
    if args.redline and args.format != "docx":
        raise CommandError(
            f"--redline writes Word's tracked changes: use --format docx, not {args.format}."
        )
    if args.format == "json":
        if args.baseline or args.lang:
            raise CommandError("--lang and --baseline apply to md, docx and pdf exports, not json.")
        return _export_json(args)
    if args.format in ("csv", "xlsx", "reqif"):
        return _export_requirements(args)
    if getattr(args, "view", None):
        raise CommandError(f"--view applies to csv and xlsx exports, not {args.format}.")
    from pmdesk.core.project import Project
    from pmdesk.export.export_problems import ExportProblemsError
    from pmdesk.export.prd_build import ExportOptions
    from pmdesk.export.prd_export import export_prd

    out: Path = args.output
    if str(out) == "-":
        raise CommandError(f"A {args.format} export needs a file name after -o, not -.")
    if out.is_dir():
        raise CommandError(f"{out} is a folder; give a file name after -o.")
    _check_suffix(out, args.format)
    with Project.view(args.file) as project:
        language = args.lang or project.info().language
        options = ExportOptions(language=language, baseline=args.baseline)
        check = partial(_tell_problems, strict=args.strict)
        try:
            result = project.read(
                lambda conn: export_prd(
                    conn, args.format, out, options, check=check, redline=args.redline
                )
            )
        except ExportProblemsError:
            return EXIT_PROBLEM
    written = ", ".join(str(p) for p in (result.path, *result.pictures))
    _say(f"Exported the PRD to {written}.")
    return EXIT_OK


def _tell_problems(document: Document, *, strict: bool) -> None:
    """Each problem of the document on stderr, one line naming its section; with
    `--strict` the export stops here, before anything is written."""
    from pmdesk.export.export_problems import ExportProblemsError, problem_line

    for problem in document.problems:
        line = problem_line(problem, document.language).translate(_CONTROL)
        print(f"pmdesk: {line}", file=sys.stderr)
    if strict and document.problems:
        count = len(document.problems)
        problems = "a problem" if count == 1 else f"{count} problems"
        print(
            f"pmdesk: nothing was written: the document has {problems} (--strict).", file=sys.stderr
        )
        raise ExportProblemsError(document.problems)


_KNOWN_SUFFIXES = {
    ".docx": "docx",
    ".md": "md",
    ".json": "json",
    ".pdf": "pdf",
    ".html": "html",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".reqif": "reqif",
    ".reqifz": "reqif",
}


def _check_suffix(out: Path, fmt: str) -> None:
    """`-o x.docx --format md` is a slip; a name without a known suffix is fine."""
    named = _KNOWN_SUFFIXES.get(out.suffix.lower())
    if named is not None and named != fmt:
        raise CommandError(f"{out.name} ends in {out.suffix} but the format is {fmt}; use .{fmt}.")


def _export_json(args: argparse.Namespace) -> int:
    from pmdesk.core.project import Project
    from pmdesk.core.snapshot.convert import dumps
    from pmdesk.core.storage.sqlite_files import replacing

    with Project.view(args.file) as project:
        text = dumps(project.snapshot())
    out: Path = args.output
    if str(out) == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return EXIT_OK
    if out.is_dir():
        raise CommandError(f"{out} is a folder; give a file name after -o.")
    _check_suffix(out, "json")
    refuse_project_target(out)
    with replacing(out) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return EXIT_OK


def _export_requirements(args: argparse.Namespace) -> int:
    """The requirements as a spreadsheet (csv, xlsx) or a ReqIF file."""
    from pmdesk.core.project import Project
    from pmdesk.core.storage.sqlite_files import replacing
    from pmdesk.interop.incoming import InteropError
    from pmdesk.interop.run import export_project

    if args.baseline or args.redline or args.strict:
        raise CommandError(
            f"--baseline, --redline and --strict apply to PRD exports, not {args.format}."
        )
    view_name = getattr(args, "view", None)
    if view_name and args.format == "reqif":
        raise CommandError("--view applies to csv and xlsx exports: ReqIF holds the whole tree.")
    out: Path = args.output
    if str(out) == "-" or out.is_dir():
        raise CommandError(f"A {args.format} export needs a file name after -o.")
    if not (args.format == "reqif" and out.suffix.lower() == ".reqifz"):
        _check_suffix(out, args.format)
    refuse_project_target(out)
    columns, only = None, None
    with Project.view(args.file) as project:
        snapshot = project.snapshot()
        language = args.lang or project.info().language
        if view_name:
            from pmdesk.interop.views import view_export

            try:
                columns, only = view_export(project, view_name, snapshot)
            except InteropError as e:
                raise CommandError(str(e)) from None
    try:
        with replacing(out) as tmp:
            zipped = out.suffix.lower() == ".reqifz"
            count = export_project(
                snapshot, args.format, tmp, language, zipped=zipped, columns=columns, only=only
            )
    except InteropError as e:
        raise CommandError(str(e)) from None
    _say(f"Exported {count} requirements to {out}.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from pmdesk.interop.run import IMPORT_SUFFIXES, guess_format

    target = _project_target(args.file)
    fmt = args.format
    if fmt is None and args.source.suffix.lower() not in IMPORT_SUFFIXES:
        fmt = "json"  # the default before other formats came: any other name is a snapshot
    if fmt == "json":
        if args.update or args.map:
            raise CommandError(
                "A JSON snapshot makes a whole new project: --update and --map apply to "
                "csv, xlsx, jira and reqif imports."
            )
        return _import_snapshot(args, target)
    from pmdesk.interop.incoming import InteropError

    try:
        fmt = guess_format(args.source, fmt)
        return _import_requirements(args, target, fmt)
    except InteropError as e:
        raise CommandError(str(e)) from None


def _import_snapshot(args: argparse.Namespace, target: Path) -> int:
    from pmdesk.core.newproject.from_snapshot import import_snapshot_file

    if args.replace:
        _refuse_write_protected(target)  # before the snapshot is read and checked
    count = import_snapshot_file(args.source, target, replace=args.replace)
    _say(f"Imported {count} requirements into {target}.")
    return EXIT_OK


def _import_requirements(args: argparse.Namespace, target: Path, fmt: str) -> int:
    from pmdesk.core.errors import PmdeskError
    from pmdesk.interop.mapping import load_mapping
    from pmdesk.interop.run import import_new, import_update, read_source

    if args.update and args.replace:
        raise CommandError("--update merges into FILE and --replace overwrites it: choose one.")
    if args.update and not target.exists():
        raise CommandError(f"{target} does not exist: leave out --update to create it.")
    if not args.update and target.exists() and not args.replace:
        raise PmdeskError("import.exists", path=target)
    if args.update or args.replace:
        _refuse_write_protected(target)
    mapping = load_mapping(args.map) if args.map else None
    source = read_source(args.source, fmt, mapping)
    if source.incoming.not_imported:
        left = ", ".join(source.incoming.not_imported)
        _say(f"Not imported (no pmdesk field; map them in MAP.json): {left}.")
    if args.update:
        plan = import_update(source, target)
        _say(
            f"Imported {args.source.name} into {target}: {plan.created} requirements created, "
            f"{plan.updated} updated."
        )
    else:
        plan = import_new(source, target, replace=args.replace)
        _say(f"Imported {plan.created} requirements into {target}.")
    if plan.new_personas:
        made = ", ".join(plan.new_personas)
        _say(f"New personas (by name; fill them in in the window): {made}.")
    if plan.new_custom_fields:
        made = ", ".join(f"{n} ({kind})" for n, (_, kind, _) in plan.new_custom_fields.items())
        _say(f"New custom fields: {made}.")
    return EXIT_OK


def _refuse_write_protected(path: Path) -> None:
    from pmdesk.core.errors import PmdeskError
    from pmdesk.core.storage.places import write_protected

    if write_protected(path):
        raise PmdeskError("write.protected", name=path.name)


def cmd_baseline(args: argparse.Namespace) -> int:
    if args.list and args.name is not None:
        raise CommandError("Give either a NAME for a new baseline or --list, not both.")
    if args.list:
        return _list_baselines(args.file)
    if args.name is None:
        raise CommandError("Give the new baseline a NAME, or --list to see the baselines.")
    return _create_baseline(args.file, args.name)


def _create_baseline(path: Path, name: str) -> int:
    """Freeze the project through a working copy and publish it atomically, like a
    save in the window: a project open in another pmdesk is refused, not written."""
    from pmdesk.core.project import Project
    from pmdesk.core.storage.projectfile import require_intact

    require_intact(path)  # a new version of a damaged file would be damaged too
    _refuse_write_protected(path)  # before a working copy and a lock are made for nothing
    project = Project.open(path)
    try:
        applied = project.create_baseline(name)
        frozen = project.counts().requirements
        project.save()  # a save that lands meanwhile is merged (conflicts refused)
    finally:
        project.close(discard=True)
    created = applied.label.subject
    _say(f"Created baseline “{created}” in {path.name} ({frozen} requirements).")
    return EXIT_OK


def _list_baselines(path: Path) -> int:
    from pmdesk.core.clock import local_minutes
    from pmdesk.core.project import Project

    with Project.view(path) as project:
        entries = project.baselines()
    if not entries:
        _say(f"{path.name} has no baselines yet (create one with: pmdesk baseline FILE NAME).")
        return EXIT_OK
    width = max(_width(e.name) for e in entries)
    for e in entries:
        padding = " " * (width - _width(e.name))
        _say(f"{e.name}{padding}  {local_minutes(e.created_at)}  {e.created_by}".rstrip())
    return EXIT_OK


def _width(text: str) -> int:
    """Columns a terminal gives `text`: Chinese characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def cmd_merge(args: argparse.Namespace) -> int:
    from pmdesk.core.merge.files import merge_files
    from pmdesk.core.merge.report import natural_order, note_line, report, settled_line
    from pmdesk.export.labels import value_label

    def label(field: str, value: str) -> str:
        return value_label(field, value, "en")

    out: Path = _project_target(args.output)
    if out.is_dir():
        raise CommandError(f"{out} is a folder; give a file name after -o.")
    pending, result = merge_files(args.base, args.mine, args.theirs, out, prefer=args.prefer)
    mine, theirs = args.mine.name, args.theirs.name
    if result.conflicts:
        _say(report(result, pending.mine, pending.theirs, label))
        print(
            f"pmdesk: {len(result.conflicts)} conflicts between {mine} and {theirs}; "
            f"{out.name} was not written. Settle them with --prefer mine or --prefer theirs.",
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    if args.prefer:  # say what was decided for the user, and what was set aside
        for conflict in sorted(pending.result().conflicts, key=natural_order):
            line = settled_line(conflict, args.prefer, pending.mine, pending.theirs, label)
            _say(f"settled: {line}")
    for note in result.notes:
        _say(f"note: {note_line(note)}")
    _say(f"Merged {mine} and {theirs} into {out} ({result.items_changed} items of {mine} changed).")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    """Matches best first: key, title, the field it matched in and a snippet
    with the match in [brackets]; --json gives them as a list. Exit 1: none."""
    import json

    from pmdesk.core.project import Project

    if not args.query.split():
        raise CommandError("The query is empty: give a word to search for.")
    read_header(args.file)
    with Project.view(args.file) as project:
        results = project.search(args.query, limit=sys.maxsize)
    matches = results.matches
    if args.json:
        rows = [
            {"key": m.key, "uid": m.uid, "title": m.title, "field": m.field, "snippet": m.marked()}
            for m in matches
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif matches:
        width = max(_width(m.key) for m in matches)
        for m in matches:
            key = m.key or "§"  # a PRD section
            _say(f"{key}{' ' * (width - _width(key))}  {m.title}")
            _say(f"{' ' * width}  {m.field}: {m.marked()}")
    else:
        print(f"pmdesk: no matches for “{args.query}” in {args.file.name}.", file=sys.stderr)
    return EXIT_OK if matches else EXIT_PROBLEM
