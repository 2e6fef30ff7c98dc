"""App benchmark: start-up, open, filter, scroll and edit latency of the Qt window.

Run from the repository root:

    python -m tests.bench.run_app                     # sample start-up, 10,000 and 100,000
    python -m tests.bench.run_app --quick             # 10,000 only, fewer runs
    python -m tests.bench.run_app --sizes 10000,100000 --profile /tmp/prof
    python -m tests.bench.run_app --latency           # edit latency: sample, 10,000, 100,000

Every measurement runs in a fresh subprocess on Qt's offscreen platform, so every
peak RSS figure belongs to one process. Everything is written to a temporary folder
(PMDESK_DATA_DIR and XDG_CONFIG_HOME point into it), never to the user's pmdesk
folder or settings. See README.md beside this file for what each number means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.bench.run_foundation import Profiler, log, peak_rss_mib, print_profiles, seconds_text

REPO = Path(__file__).resolve().parents[2]
Json = dict[str, Any]

# Goals in seconds (or MiB), by size; a size without a goal is reported for information.
START_GOAL = 0.7  # process start to the sample painted in the tree
OPEN_GOAL = {10_000: 0.3, 100_000: 1.0}
OPEN_RSS_GOAL = {100_000: 300.0}
FILTER_GOAL = {100_000: 0.1}

# Filter texts. "批量" is one of 10 Chinese verbs and three of the 15 Chinese objects start
# with "客户" (tests/bench/synth.py), so about 0.6 × 1/10 × 3/15 = 1.2 % of the titles contain
# "批量客户" and 0.4 % contain "批量客户画像". With their ancestors the first shows more rows
# than the pane expands automatically (tree_pane.AUTO_EXPAND_LIMIT = 2000) at 100,000, the
# second fewer, so it also measures the expandAll that follows a narrow filter.
FILTERS = (
    ("some", "批量客户", "~1 %"),
    ("narrow", "批量客户画像", "~0.4 %, expanded"),
    ("none", "不存在的需求 zzz", "no match"),
)
DEBOUNCE_WAIT = 0.3  # the filter box applies typing after 150 ms; let that pass untimed
SCROLL_POSITIONS = 200  # scroll positions sampled over the expanded tree
IMPORTTIME_TOP = 15
SAMPLE = 0  # the size that stands for the bundled sample (--sizes sample)
EDITS = 30  # timed edits of each kind per size (--edits)
WARMUP_EDITS = 2  # untimed edits first: lazy imports, first queries, caches
LANG_ENV = {"zh": "zh_CN.UTF-8", "en": "en_US.UTF-8"}


# -- measuring helpers (used inside the worker processes) ----------------------------------


def current_rss_mib() -> float | None:
    """This process's resident set size now (Linux only; None elsewhere)."""
    try:
        fields = Path("/proc/self/statm").read_text().split()
    except OSError:
        return None
    return int(fields[1]) * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def settle(seconds: float = 0.05) -> None:
    """Run the Qt event loop for a while (timers, deferred layouts, paints), untimed."""
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + seconds
    while True:
        QApplication.processEvents()
        if time.perf_counter() >= end:
            return
        time.sleep(0.002)


@dataclass
class Window:
    """A main window in this process, as `pmdesk` builds it, with an open project."""

    window: Any  # pmdesk.app.main_window.MainWindow (imported lazily, like the app does)

    @property
    def pane(self) -> Any:
        # The tree is shown before the project is ready (the opening's), then the workspace's.
        workspace, opening = self.window.workspace, self.window.lifecycle.opening
        pane = workspace.tree_pane if workspace is not None else opening and opening.tree_pane
        if pane is None:
            raise SystemExit("no project is open")
        return pane


def make_window(args: argparse.Namespace) -> Window:
    """QApplication, translators, theme and an empty, painted MainWindow (untimed)."""
    from PySide6.QtWidgets import QApplication

    from pmdesk.app.i18n import install_translators
    from pmdesk.app.main_window import MainWindow
    from pmdesk.app.settings import AppSettings
    from pmdesk.app.theme import apply_theme

    app = QApplication(["pmdesk-bench"])
    app.setOrganizationName("pmdesk")
    app.setApplicationName("pmdesk")
    install_translators(app, "zh_CN" if args.lang == "zh" else "en")
    apply_theme(app, "light")
    settings = AppSettings.at(Path(args.data_dir) / "settings.ini")
    window = MainWindow(settings, Path(args.data_dir))
    window.show()
    settle(0.2)
    return Window(window)


def open_and_paint(w: Window, target: Path) -> Json:
    """File › Open as the app does it (on the task thread): the time until the tree
    is shown (`tree_shown`, then processEvents and a paint of the tree's viewport),
    and until the project is ready to edit (`project_opened`)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    marks: dict[str, float] = {}
    loop = QEventLoop()

    def note(name: str) -> None:
        marks[name] = time.perf_counter()
        loop.quit()

    w.window.tree_shown.connect(lambda: note("tree_shown"))
    w.window.project_opened.connect(lambda: note("project_opened"))
    start = time.perf_counter()
    w.window.open_project(target)
    if "tree_shown" not in marks:
        loop.exec()
    shown = time.perf_counter()
    QApplication.processEvents()
    events = time.perf_counter()
    w.pane.view.viewport().grab()
    painted = time.perf_counter()
    if "project_opened" not in marks:
        loop.exec()
    return {
        "seconds": painted - start,
        "until_tree_shown": shown - start,
        "process_events": events - shown,
        "paint": painted - events,
        "ready": marks["project_opened"] - start,
    }


# -- workers: each runs in its own process and prints one JSON line -----------------------


def work_prepare(args: argparse.Namespace) -> Json:
    """Generate the synthetic snapshot and import it into a project file."""
    from pmdesk.core.newproject.from_snapshot import import_snapshot_file
    from pmdesk.core.snapshot.convert import dumps
    from tests.bench.synth import generate

    target = Path(args.target)
    if args.size == SAMPLE:
        from pmdesk.core.newproject.sample import write_sample

        start = time.perf_counter()
        write_sample(target, args.lang)
        seconds = time.perf_counter() - start
        return {"count": count_requirements(target), "import": seconds}
    snapshot = target.with_suffix(".json")
    snapshot.write_text(dumps(generate(args.size)), encoding="utf-8")
    start = time.perf_counter()
    count = import_snapshot_file(snapshot, target, replace=True)
    seconds = time.perf_counter() - start
    snapshot.unlink()
    return {"count": count, "import": seconds, "bytes": target.stat().st_size}


def work_open(args: argparse.Namespace) -> Json:
    """One timed open of the project in a window that already exists."""
    w = make_window(args)
    before = current_rss_mib()
    with Profiler(args.profile).step("open"):
        out = open_and_paint(w, Path(args.target))
    out["rss_peak_mib"] = peak_rss_mib()
    out["rss_before_mib"] = before
    out["rss_after_mib"] = current_rss_mib()
    count = w.pane.model.count()
    if count != args.size:
        raise SystemExit(f"the tree shows {count} requirements, expected {args.size}")
    viewport = w.pane.view.viewport()
    out["viewport"] = [viewport.width(), viewport.height()]
    return out


def work_interact(args: argparse.Namespace) -> Json:
    """Filter, clear, expand all and scroll in a window with the project open."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    w = make_window(args)
    open_and_paint(w, Path(args.target))
    settle(0.2)
    pane = w.pane
    view = pane.view
    viewport = view.viewport()
    prof = Profiler(args.profile)

    def ui(step: Callable[[], object]) -> float:
        start = time.perf_counter()
        step()
        QApplication.processEvents()
        viewport.grab()
        return time.perf_counter() - start

    def set_filter(text: str) -> Callable[[], None]:
        def step() -> None:
            pane.search.setText(text)  # starts the pane's 150 ms typing timer …
            for timer in pane.findChildren(
                QTimer, options=Qt.FindChildOption.FindDirectChildrenOnly
            ):
                if timer.isActive() and timer.isSingleShot():
                    timer.stop()  # … whose work is done right now instead (once, not twice)
            pane.apply_filter()

        return step

    out: Json = {}
    for name, text, _ in FILTERS:
        out[f"filter_{name}"], out[f"clear_after_{name}"] = [], []
        for _ in range(args.repeats):
            view.collapseAll()  # every run starts from the tree as it was opened
            settle(DEBOUNCE_WAIT)
            with prof.step(f"filter-{name}"):
                out[f"filter_{name}"].append(ui(set_filter(text)))
            settle(DEBOUNCE_WAIT)
            with prof.step(f"clear-after-{name}"):
                out[f"clear_after_{name}"].append(ui(set_filter("")))
            settle(DEBOUNCE_WAIT)
        visible = pane.model.matching(text) or set()
        titles = [str(pane.model.row_values(uid)[3]).casefold() for uid in visible]
        out[f"{name}_matches"] = sum(text.casefold() in t for t in titles)
        out[f"{name}_visible"] = len(visible)
    out["rss_after_filter_mib"] = current_rss_mib()

    # Paint alone, then expand everything and scroll through it page by page.
    view.collapseAll()
    view.scrollToTop()
    settle(0.1)
    out["paint"] = [ui(lambda: None) for _ in range(20)]
    with prof.step("expand-all"):
        out["expand_all"] = ui(view.expandAll)
    settle(0.1)
    bar = view.verticalScrollBar()
    top, bottom, page = bar.minimum(), bar.maximum(), max(bar.pageStep(), 1)
    positions = list(range(top, bottom + 1, page))
    if len(positions) > SCROLL_POSITIONS:
        step = len(positions) / SCROLL_POSITIONS
        positions = [positions[int(i * step)] for i in range(SCROLL_POSITIONS)]
    positions.append(bottom)
    with prof.step("scroll"):
        # mypy cannot infer the type of a lambda with a default argument (it binds v).
        out["scroll"] = [ui(lambda v=v: bar.setValue(v)) for v in positions]  # type: ignore[misc]
    out["scroll_jump_top"] = ui(view.scrollToTop)
    out["scroll_range"] = [top, bottom, page]
    out["rss_after_expand_mib"] = current_rss_mib()
    out["rss_peak_mib"] = peak_rss_mib()
    return out


# -- edit latency: a title and a status edit in the real window, key press to repainted ----


class SqlCounter:
    """Counts the SQL run while `counting`: SQLAlchemy's `before_cursor_execute` on the
    store's engine, and SQLite's own statement trace (`set_trace_callback`: also BEGIN,
    COMMIT, PRAGMA and trigger entries that never pass through SQLAlchemy) on every
    DBAPI connection the engine hands out and on every plain `sqlite3.connect` made in
    this process from now on. Each by thread: the GUI thread or a worker thread."""

    def __init__(self, engine: Any) -> None:
        import sqlite3
        import threading

        from sqlalchemy import event

        self.counting = False
        self.gui = threading.main_thread()
        self.statements: list[tuple[str, str, str]] = []  # (source, thread, text)
        self.connects = 0
        event.listen(engine, "before_cursor_execute", self._alchemy)
        event.listen(engine, "checkout", lambda dbapi, _rec, _proxy: self._trace(dbapi))
        original = sqlite3.connect

        def connect(*a: Any, **kw: Any) -> Any:
            conn = original(*a, **kw)
            if self.counting:
                self.connects += 1
            self._trace(conn)
            return conn

        sqlite3.connect = connect

    def _thread(self) -> str:
        import threading

        return "gui" if threading.current_thread() is self.gui else "worker"

    def _alchemy(self, *args: Any) -> None:
        if self.counting:
            self.statements.append(("sqlalchemy", self._thread(), " ".join(str(args[2]).split())))

    def _trace(self, dbapi: Any) -> None:
        def note(text: str) -> None:
            if self.counting:
                self.statements.append(("sqlite", self._thread(), " ".join(text.split())))

        dbapi.set_trace_callback(note)

    def start(self) -> None:
        self.statements, self.connects, self.counting = [], 0, True

    def stop(self) -> Json:
        self.counting = False
        out: Json = {"connects": self.connects, "statements": self.statements}
        for source in ("sqlalchemy", "sqlite"):
            for thread in ("gui", "worker"):
                out[f"{source}_{thread}"] = sum(
                    s == source and t == thread and not text.startswith("--")
                    for s, t, text in self.statements
                )
        out["sqlite_triggers"] = sum(
            s == "sqlite" and text.startswith("--") for s, _, text in self.statements
        )
        return out


class PaintWatch:
    """Notes, while `watching`, every Paint event Qt delivers and to which widget, and how
    many events it delivers at all (an application-wide event filter, so nothing is
    patched): the proof that the panes really repainted inside the timed interval."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication

        paint = QEvent.Type.Paint
        watch = self

        class Filter(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 (Qt)
                if watch.watching:
                    watch.events += 1
                    if event.type() == paint:
                        watch.painted.append(obj)
                return False

        self.watching = False
        self.events = 0
        self.painted: list[Any] = []
        self._filter = Filter()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self._filter)

    def start(self) -> None:
        self.events, self.painted, self.watching = 0, [], True

    def stop(self, panes: dict[str, Any]) -> dict[str, int]:
        """Paint events per pane (a widget counts for the pane it lies in)."""
        self.watching = False
        out = dict.fromkeys(panes, 0)
        out["other"] = 0
        for obj in self.painted:
            name = next((n for n, p in panes.items() if obj is p or p.isAncestorOf(obj)), "other")
            out[name] += 1
        return out


def run_until_idle(limit: float = 5.0) -> int:
    """Deliver events until none is left: posted events (layout requests, the
    UpdateRequest in which Qt paints every dirty widget and flushes the window),
    zero timers and what they post in turn. Timers not yet due (the document's 250 ms
    typing pause) are not waited for. Returns the number of passes."""
    from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop
    from PySide6.QtWidgets import QApplication

    dispatcher = QAbstractEventDispatcher.instance()
    assert dispatcher is not None
    flags = QEventLoop.ProcessEventsFlag.AllEvents
    deadline = time.perf_counter() + limit
    passes = 0
    while True:
        QApplication.sendPostedEvents()
        passes += 1
        if not dispatcher.processEvents(flags) or time.perf_counter() > deadline:
            return passes


def wait_for(signal: Any, done: Callable[[], bool], timeout: float = 120.0) -> None:
    """Run the event loop until `done()` (checked whenever `signal` fires)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    loop = QEventLoop()
    signal.connect(loop.quit)
    timer = QTimer(singleShot=True, interval=100)  # look again now and then, too
    timer.timeout.connect(loop.quit)
    deadline = time.perf_counter() + timeout
    try:
        while not done():
            if time.perf_counter() > deadline:
                raise SystemExit(f"still waiting after {timeout:.0f} s")
            timer.start()
            loop.exec()
    finally:
        signal.disconnect(loop.quit)


def work_latency(args: argparse.Namespace) -> Json:
    """Title and status edits typed into the details pane, each timed from the key
    press that commits it to every pane repainted (see README.md for the exact stops)."""
    import random

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    w = make_window(args)
    open_and_paint(w, Path(args.target))
    win = w.window
    workspace = win.workspace
    if workspace is None:
        raise SystemExit("the project did not open for editing")
    tree, details = workspace.tree_pane, workspace.detail_editor
    document, roadmap = workspace.document_pane, workspace.roadmap_pane
    session = workspace.session
    preview_done: list[float] = []
    document.preview_rendered.connect(lambda: preview_done.append(time.perf_counter()))
    preview_started: list[float] = []
    document._preview_timer.timeout.connect(lambda: preview_started.append(time.perf_counter()))

    def roadmap_current() -> bool:
        return not roadmap._stale and not roadmap._timer.isActive() and not roadmap._tasks._relays

    # A rejected bar leaves a hole in its lane; the pane packs the lane once edits
    # pause (its 300 ms settle timer, then the task thread): timed apart, like the
    # preview, from the timer firing to the lane shown packed and the events handled.
    settle_started: list[float] = []
    settle_done: list[float] = []
    packs = hasattr(roadmap, "settled")  # not before December 2026 (to measure "before")
    if packs:
        roadmap._settle_timer.timeout.connect(lambda: settle_started.append(time.perf_counter()))

        def packed() -> None:
            run_until_idle()
            settle_done.append(time.perf_counter())

        roadmap.settled.connect(packed)

    def roadmap_settled() -> bool:
        return roadmap_current() and not roadmap._settle_timer.isActive()

    def quiet() -> None:
        """Untimed: the roadmap and the preview caught up, nothing left to do."""
        wait_for(roadmap.refreshed, roadmap_current)
        if packs:
            wait_for(roadmap.settled, roadmap_settled)
        settle(0.02)
        wait_for(
            document.preview_rendered,
            lambda: not document._preview_timer.isActive() and not document._tasks._relays,
        )
        settle(0.05)

    quiet()
    panes = {"tree": tree, "details": details, "document": document, "roadmap": roadmap}
    visible = {name: bool(p.isVisible()) for name, p in panes.items()}
    uids: list[str] = []
    stack = list(tree.model.children_of(None))
    while stack:
        uid = stack.pop()
        uids.append(uid)
        stack.extend(tree.model.children_of(uid))
    rng = random.Random(12)
    counter = SqlCounter(session.working_copy.store.engine)
    form = details.form
    prof = Profiler(args.profile)

    def choose() -> None:
        uid = rng.choice(uids)
        tree.view.select_uid(uid)
        settle(0.02)
        if details.current_uid != uid:
            raise SystemExit(f"the details pane does not show {uid}")
        quiet()

    watch = PaintWatch()

    def timed(press: Callable[[], None], grab: bool = True) -> Json:
        """`press` (the committing key press) to every pane repainted: the event loop
        run until no event is left, so every paint Qt scheduled for the edit is done."""
        generation = roadmap._generation
        counter.start()
        watch.start()
        start = time.perf_counter()
        press()  # the commit, the SQL, every pane's synchronous update
        handled = time.perf_counter()
        if roadmap._generation != generation:  # the edit made the roadmap stale
            wait_for(roadmap.refreshed, roadmap_current)
        refreshed = time.perf_counter()
        passes = run_until_idle()  # posted events: layouts, update requests (the paints)
        end = time.perf_counter()
        events = watch.events
        painted = watch.stop(panes)
        sql = counter.stop()
        # Untimed, for reference: a forced full paint of each pane (an upper bound).
        grabbed: dict[str, float] = {}
        for name, pane in panes.items():
            if visible[name] and grab:
                mark = time.perf_counter()
                pane.grab()
                grabbed[name] = time.perf_counter() - mark
        return {
            "seconds": end - start,
            "handled": handled - start,
            "roadmap": refreshed - handled,
            "events": end - refreshed,
            "passes": passes,
            "event_count": events,
            "painted": painted,
            "grab": grabbed,
            "roadmap_stale": roadmap._generation != generation,
            "sql": sql,
        }

    def title_edit(n: int) -> Callable[[], None]:
        edit = form.title
        QTest.keyClick(edit, Qt.Key.Key_End)
        QTest.keyClicks(edit, f" e{n}")  # typing: untimed, the line edit only

        def press() -> None:
            QTest.keyClick(edit, Qt.Key.Key_Return)  # editingFinished: the commit

        return press

    def status_edit(_n: int) -> Callable[[], None]:
        box = form.status
        key = Qt.Key.Key_Down if box.currentIndex() < box.count() - 1 else Qt.Key.Key_Up

        def press() -> None:
            QTest.keyClick(box, key)  # the next status: currentIndexChanged commits it

        return press

    def reject_edit(_n: int) -> Callable[[], None]:
        box = form.status  # statuses in domain order: ... done, rejected
        if box.currentIndex() != box.count() - 2:
            box.setCurrentIndex(box.count() - 2)  # untimed: to "done" first (an edit)
            quiet()

        def press() -> None:
            QTest.keyClick(box, Qt.Key.Key_Down)  # to "rejected": its bar leaves the roadmap

        return press

    def restore_edit(_n: int) -> Callable[[], None]:
        box = form.status
        if box.currentIndex() != box.count() - 1:
            box.setCurrentIndex(box.count() - 1)  # untimed: to "rejected" first (an edit)
            quiet()  # its lane packed, too

        def press() -> None:
            QTest.keyClick(box, Qt.Key.Key_Up)  # back to "done": its bar comes back

        return press

    out: Json = {"visible": visible, "requirements": len(uids)}
    kinds: dict[str, Callable[[int], Callable[[], None]]] = {
        "title": title_edit,
        "status": status_edit,
        "reject": reject_edit,
        "restore": restore_edit,
    }
    shows = {"title": "title", "status": "status", "reject": "status", "restore": "status"}
    for kind, make in kinds.items():
        runs: list[Json] = []
        for n in range(WARMUP_EDITS + args.edits):
            choose()
            press = make(n)
            before = details._shown.get(shows[kind])
            preview_started.clear()
            preview_done.clear()
            settle_started.clear()
            settle_done.clear()
            run = timed(press)
            if details._shown.get(shows[kind]) == before:
                raise SystemExit(f"the {kind} edit was not committed")
            quiet()
            if preview_started and preview_done:  # the preview's own, debounced re-render
                run["preview"] = preview_done[-1] - preview_started[0]
            if settle_started and settle_done:  # the lane packed once edits paused
                run["settle"] = settle_done[-1] - settle_started[0]
            if n >= WARMUP_EDITS:
                runs.append(run)
        out[kind] = runs
        if args.profile is not None:
            choose()
            press = make(len(runs) + WARMUP_EDITS)
            with prof.step(f"{kind}-edit"):
                timed(press, grab=False)
            quiet()
    # The roadmap's re-read runs on a task thread, which cProfile above does not see:
    # the same work (RoadmapPane.refresh) on this thread, timed and profiled apart.
    from pmdesk.core.roadmap.layout import layout_roadmap

    def roadmap_work() -> float:
        start = time.perf_counter()
        data = session.project.roadmap()
        layout_roadmap(data, dt.date.today())
        return time.perf_counter() - start

    out["roadmap_work"] = [roadmap_work() for _ in range(3)]
    if args.profile is not None:
        with prof.step("roadmap-work"):
            roadmap_work()
    out["rss_peak_mib"] = peak_rss_mib()
    return out


WORKERS: dict[str, Callable[[argparse.Namespace], Json]] = {
    "latency": work_latency,
    "prepare": work_prepare,
    "open": work_open,
    "interact": work_interact,
}


# -- start-up: `pmdesk` itself in a subprocess, watched from inside without patching -------

# Run as `python -c STARTUP_DRIVER`. It does what the `pmdesk` command does
# (pmdesk.cli.main([]) → launch.run_window(None): settings, language, theme, the
# window, then the sample opened through a zero timer, on a worker thread), and only
# watches: an application event filter sees the main window's Show event, then
# filters on the window and on the tree's viewport note the first paints. A paint is
# counted as done when a zero timer queued during it fires, i.e. once the event
# loop has finished that frame. The driver prints monotonic time stamps as JSON and
# exits at once. QApplication is created before run_window (which reuses it) so the
# filter can be installed; run_window would create it at that point anyway.
STARTUP_DRIVER = r"""
import time
marks = {"python": time.monotonic()}
import json, os, sys
import pmdesk.cli
import pmdesk.app.launch
marks["imported"] = time.monotonic()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from pmdesk.app.main_window import MainWindow

profile = None
if os.environ.get("PMDESK_BENCH_PROFILE"):
    import cProfile
    profile = cProfile.Profile()
    profile.enable()
app = QApplication(sys.argv)
marks["qapplication"] = time.monotonic()


def finish(error=None):
    if profile is not None:
        profile.disable()
        profile.dump_stats(os.environ["PMDESK_BENCH_PROFILE"])
    import resource
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss = rss / 1048576 if sys.platform == "darwin" else rss / 1024
    print(json.dumps({"marks": marks, "error": error, "rss_peak_mib": rss}), flush=True)
    os._exit(0)


def mark_later(name):
    QTimer.singleShot(0, lambda: marks.setdefault(name, time.monotonic()))


class Watch(QObject):
    def __init__(self):
        super().__init__()
        self.window = None
        self.viewport = None

    def eventFilter(self, obj, event):
        kind = event.type()
        if self.window is None:
            if kind == QEvent.Type.Show and isinstance(obj, MainWindow):
                self.shown(obj)
        elif kind == QEvent.Type.Paint:
            if obj is self.window and "first_paint" not in marks:
                marks["first_paint"] = time.monotonic()
                mark_later("first_frame")
            elif obj is self.viewport and "tree_paint" not in marks:
                marks["tree_paint"] = time.monotonic()
                QTimer.singleShot(0, self.tree_frame_done)
        elif kind == QEvent.Type.Show and obj is getattr(self.window, "progress", None):
            marks.setdefault("open_requested", time.monotonic())
        return False

    def shown(self, window):
        marks["window_show"] = time.monotonic()
        self.window = window
        QApplication.instance().removeEventFilter(self)
        window.installEventFilter(self)
        window.progress.installEventFilter(self)
        window.tree_shown.connect(self.tree_shown)
        window.project_opened.connect(self.opened)

    def tree_shown(self):
        marks["tree_shown"] = time.monotonic()
        self.viewport = self.window.lifecycle.opening.tree_pane.view.viewport()
        self.viewport.installEventFilter(self)

    def tree_frame_done(self):
        marks["tree_frame"] = time.monotonic()
        if "project_opened" in marks:
            QTimer.singleShot(0, finish)

    def opened(self):
        marks["project_opened"] = time.monotonic()
        if self.window.workspace is None:
            finish("the project did not open")
        elif "tree_frame" in marks:  # wait for the rest of the open too, for the timeline
            QTimer.singleShot(0, finish)


watch = Watch()
app.installEventFilter(watch)
QTimer.singleShot(60_000, lambda: finish("timeout"))
pmdesk.cli.main([])
finish("the window closed before the sample was painted")
"""

START_MARKS = (
    ("python", "Python running (interpreter + site)"),
    ("imported", "`import pmdesk.app.launch` done"),
    ("qapplication", "QApplication created"),
    ("window_show", "MainWindow built, show() called"),
    ("open_requested", "open of the sample requested"),
    ("first_paint", "first paint of the window begins"),
    ("first_frame", "first frame done (empty window shown)"),
    ("tree_shown", "tree_shown (tree pane built from the first read)"),
    ("tree_paint", "tree viewport paint begins"),
    ("tree_frame", "frame with the sample in the tree done"),
    ("project_opened", "project_opened (working copy, details, document ready)"),
)


# -- python -X importtime ---------------------------------------------------------------------


@dataclass
class ImportNode:
    name: str
    self_us: int
    cumulative_us: int
    children: list[ImportNode] = field(default_factory=list)


def parse_importtime(text: str) -> list[ImportNode]:
    """The import tree of `python -X importtime` output (children come before parents)."""
    pending: dict[int, list[ImportNode]] = {}
    for line in text.splitlines():
        parts = line.split("|")
        if not line.startswith("import time:") or len(parts) != 3 or "imported package" in line:
            continue
        self_us, cumulative_us, name = parts[0].split(":")[1], parts[1], parts[2].rstrip()
        level = (len(name) - len(name.lstrip()) - 1) // 2  # two spaces per level
        node = ImportNode(name.strip(), int(self_us), int(cumulative_us))
        node.children = pending.pop(level + 1, [])
        pending.setdefault(level, []).append(node)
    return pending.get(0, [])


def walk(
    nodes: Iterable[ImportNode], path: tuple[str, ...] = ()
) -> Iterator[tuple[ImportNode, tuple[str, ...]]]:
    for node in nodes:
        yield node, path
        yield from walk(node.children, (*path, node.name))


PACKAGE_ALIASES = {"shiboken6": "PySide6", "shibokensupport": "PySide6"}


def import_owners(root: ImportNode) -> list[tuple[str, float, str]]:
    """Self time by owner: a third-party package, or a pmdesk module; standard-library
    modules count for whoever imported them first. With the first importer chain."""
    totals: dict[str, float] = {}
    first_by: dict[str, str] = {}

    def visit(node: ImportNode, owner: str, chain: tuple[str, ...]) -> None:
        top = node.name.split(".")[0]
        if top == "pmdesk":
            owner = node.name
        elif top not in sys.stdlib_module_names:
            owner = PACKAGE_ALIASES.get(top, top)
        if owner not in first_by:
            first_by[owner] = " → ".join(chain) or "—"
        totals[owner] = totals.get(owner, 0.0) + node.self_us / 1000
        inner = (*chain, node.name) if top == "pmdesk" else chain
        for child in node.children:
            visit(child, owner, inner)

    visit(root, root.name, ())
    return sorted(((o, ms, first_by[o]) for o, ms in totals.items()), key=lambda t: -t[1])


def importtime(module: str, runs: int, env: dict[str, str]) -> Json:
    """Best of `runs` × `python -X importtime -c "import MODULE"`: totals and offenders."""
    best: tuple[int, ImportNode, int] | None = None
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        roots = parse_importtime(done.stderr)
        target = next(n for n in roots if n.name == module)
        startup = sum(n.cumulative_us for n in roots if n is not target)
        if best is None or target.cumulative_us < best[0]:
            best = (target.cumulative_us, target, startup)
    assert best is not None
    _, root, startup = best
    parent_of = {id(c): n.name for n, _ in walk([root]) for c in n.children}
    largest = sorted(
        (
            (n.name, n.cumulative_us / 1000, n.self_us / 1000, parent_of.get(id(n), "—"))
            for n, _ in walk([root])
            if n is not root
            and (n.name.startswith("pmdesk") or "." not in n.name)
            and n.name not in sys.stdlib_module_names
        ),
        key=lambda t: -t[1],
    )
    return {
        "module": module,
        "total_ms": root.cumulative_us / 1000,
        "site_ms": startup / 1000,
        "owners": import_owners(root)[:IMPORTTIME_TOP],
        "largest": largest[:IMPORTTIME_TOP],
    }


# -- the driver: runs the workers and prints the table --------------------------------------


@dataclass(frozen=True)
class Row:
    step: str
    project: str
    measured: str
    goal: str
    result: str


def verdict(value: float, goal: float | None) -> str:
    if goal is None:
        return "info"
    return "PASS" if value < goal else "FAIL"


def goal_text(goal: float | None, unit: str = "s") -> str:
    if goal is None:
        return "—"
    return f"< {seconds_text(goal)}" if unit == "s" else f"< {goal:.0f} {unit}"


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def runs_text(values: Sequence[float]) -> str:
    return ", ".join(seconds_text(v) for v in values)


class Driver:
    def __init__(self, workdir: Path, repeats: int, lang: str, profile: Path | None) -> None:
        self.workdir = workdir
        self.repeats = repeats
        self.lang = lang
        self.profile = profile
        self.runs = 0
        env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
        self.env = env | {
            "QT_QPA_PLATFORM": "offscreen",
            "PMDESK_USER": "bench",
            "LANG": LANG_ENV[lang],
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        }

    def fresh_env(self, **extra: str) -> tuple[dict[str, str], Path]:
        """An environment with its own, empty data and settings folders."""
        self.runs += 1
        folder = self.workdir / "runs" / f"{self.runs:03d}"
        (folder / "data").mkdir(parents=True)
        env = self.env | {
            "PMDESK_DATA_DIR": str(folder / "data"),
            "XDG_CONFIG_HOME": str(folder / "config"),  # QSettings() of run_window
            **extra,
        }
        return env, folder / "data"

    def worker(self, name: str, *options: str, optional: bool = False) -> Json:
        """Run one worker process; `optional` (a profiling run): a failure is only logged."""
        env, data_dir = self.fresh_env()
        cmd = [sys.executable, "-X", "faulthandler", "-m", "tests.bench.run_app"]
        cmd += ["--worker", name, *options, "--data-dir", str(data_dir), "--lang", self.lang]
        done, _ = run_retrying(cmd, env)
        shutil.rmtree(data_dir.parent, ignore_errors=True)
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            message = f"benchmark worker failed (exit status {done.returncode}): {' '.join(cmd)}"
            if optional:
                log(message)
                return {}
            raise SystemExit(message)
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))

    # -- start-up ----------------------------------------------------------------------
    def start_once(self, sample: Path | None, profile: Path | None = None) -> Json:
        """One `pmdesk` start; `sample`: a sample file to place in the data folder first."""
        extra = {"PMDESK_BENCH_PROFILE": str(profile)} if profile is not None else {}
        env, data_dir = self.fresh_env(**extra)
        if sample is not None:
            (data_dir / "sample").mkdir()
            shutil.copy2(sample, data_dir / "sample" / sample.name)
        cmd = [sys.executable, "-X", "faulthandler", "-c", STARTUP_DRIVER]
        done, start = run_retrying(cmd, env, timeout=120)
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            sys.stderr.write(done.stderr)
            raise SystemExit(f"the start-up driver failed (exit status {done.returncode})")
        out = dict(json.loads(lines[-1]))
        if out["error"]:
            sys.stderr.write(done.stderr)
            raise SystemExit(f"start-up: {out['error']}")
        out["since_popen"] = {k: v - start for k, v in out.pop("marks").items()}
        out["load"] = os.getloadavg()[0]
        written = sorted((data_dir / "sample").glob("*.pmdesk"))
        out["sample"] = str(written[0]) if written else None
        return out

    def startup(self) -> Json:
        first_runs = max(1, self.repeats)
        warm_runs = max(3, self.repeats + 2)
        log(f"[start-up] first start (sample written) ×{first_runs} …")
        first = [self.start_once(None) for _ in range(first_runs)]
        sample_copy = self.workdir / "sample" / Path(first[0]["sample"]).name
        sample_copy.parent.mkdir(exist_ok=True)
        shutil.copy2(first[0]["sample"], sample_copy)
        log(f"[start-up] start with the sample already written ×{warm_runs} …")
        warm = [self.start_once(sample_copy) for _ in range(warm_runs)]
        log("[start-up] python -X importtime -c 'import pmdesk.app.main_window' …")
        imports = importtime("pmdesk.app.main_window", max(3, self.repeats), self.env)
        if self.profile is not None:
            log("[start-up] profiling one start (main thread only) …")
            try:
                self.start_once(sample_copy, self.profile / "app-startup.prof")
            except SystemExit as e:
                log(f"profiling the start-up failed: {e}")
        return {
            "first": first,
            "warm": warm,
            "importtime": imports,
            "sample_requirements": count_requirements(sample_copy),
        }

    # -- sizes -------------------------------------------------------------------------
    def project(self, size: int) -> Path:
        if size == SAMPLE:
            target = self.workdir / f"sample-{self.lang}" / "sample.pmdesk"
            if target.exists():
                return target
        else:
            target = self.workdir / f"n{size}" / "project.pmdesk"
        if target.exists() and count_requirements(target) == size:
            log(f"[{size:,}] reusing {target}")
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        log(f"[{size_text(size)}] generating and importing the project …")
        self.worker("prepare", "--size", str(size), "--target", str(target))
        return target

    def run_size(self, size: int) -> Json:
        target = self.project(size)
        common = ["--size", str(size), "--target", str(target)]
        log(f"[{size:,}] open ×{self.repeats} (one process each) …")
        opens = [self.worker("open", *common) for _ in range(self.repeats)]
        log(f"[{size:,}] filter ×{self.repeats}, expand all, scroll …")
        interact = self.worker("interact", *common, "--repeats", str(self.repeats))
        if self.profile is not None:
            log(f"[{size:,}] profiling (separate runs; timings above are unprofiled) …")
            prefix = str(self.profile / f"app-n{size}")
            self.worker("open", *common, "--profile", prefix, optional=True)
            self.worker("interact", *common, "--repeats", "1", "--profile", prefix, optional=True)
        return {
            "size": size,
            "bytes": target.stat().st_size,
            "opens": opens,
            "interact": interact,
            "load": os.getloadavg()[0],
        }

    def run_latency(self, size: int, edits: int) -> Json:
        target = self.project(size)
        common = ["--size", str(size), "--target", str(target), "--edits", str(edits)]
        log(f"[{size_text(size)}] {edits} title and {edits} status edits in the window …")
        out = self.worker("latency", *common)
        if self.profile is not None:
            log(f"[{size_text(size)}] profiling one edit of each kind (separate run) …")
            prefix = str(self.profile / f"app-latency-n{size}")
            self.worker("latency", *common[:4], "--edits", "1", "--profile", prefix, optional=True)
        return out | {"size": size, "count": count_requirements(target)}


def size_text(size: int) -> str:
    return "sample" if size == SAMPLE else f"{size:,}"


def run_retrying(
    cmd: list[str], env: dict[str, str], timeout: float | None = None
) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run `cmd` (and the time.monotonic() it started at); run it again (twice at most)
    if it died of SIGBUS.

    QTranslator maps the .qm files into memory; rewriting one in place (as
    `pyside6-lrelease` in packaging/update_translations.py does, e.g. while a colleague
    runs the tests) kills every pmdesk process that has it loaded with SIGBUS. That is
    not what is measured here, so such a run is repeated rather than reported.
    """
    for attempt in range(3):
        start = time.monotonic()
        done = subprocess.run(
            cmd, cwd=REPO, env=env, capture_output=True, text=True, check=False, timeout=timeout
        )
        if done.returncode != -signal.SIGBUS or attempt == 2:
            return done, start
        log("a worker died of SIGBUS (a .qm file rewritten while mapped?); running it again")
    raise AssertionError("unreachable")


def count_requirements(path: Path) -> int:
    import sqlite3

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return int(conn.execute("SELECT count(*) FROM requirement").fetchone()[0])


# -- report ---------------------------------------------------------------------------------


def startup_rows(s: Json) -> list[Row]:
    project = f"sample ({s['sample_requirements']})"

    def med(runs: Sequence[Json], mark: str) -> float:
        return median([r["since_popen"][mark] for r in runs])

    warm, first = s["warm"], s["first"]
    shown, painted = med(warm, "first_frame"), med(warm, "tree_frame")
    first_painted = med(first, "tree_frame")
    rss = max(r["rss_peak_mib"] for r in warm)
    imports = s["importtime"]
    return [
        Row("start → window shown (empty)", project, seconds_text(shown), "—", "info"),
        Row(
            "start → sample shown in tree",
            project,
            seconds_text(painted),
            goal_text(START_GOAL),
            verdict(painted, START_GOAL),
        ),
        Row(
            "start → sample ready to edit (project_opened)",
            project,
            seconds_text(med(warm, "project_opened")),
            "—",
            "info",
        ),
        Row(
            "first start → sample shown (sample written first)",
            project,
            seconds_text(first_painted),
            "—",
            "info",
        ),
        Row(
            "import pmdesk.app.main_window (-X importtime)",
            "—",
            seconds_text(imports["total_ms"] / 1000),
            "—",
            "info",
        ),
        Row("peak RSS, start-up process", project, f"{rss:.0f} MiB", "—", "info"),
    ]


def size_rows(r: Json) -> list[Row]:
    size, opens, it = r["size"], r["opens"], r["interact"]
    project = f"{size:,}"
    open_s = median([o["seconds"] for o in opens])
    rss_peak = max(o["rss_peak_mib"] for o in opens)
    after = [o["rss_after_mib"] for o in opens if o["rss_after_mib"] is not None]
    rows = [
        Row(
            "open → tree shown",
            project,
            seconds_text(open_s),
            goal_text(OPEN_GOAL.get(size)),
            verdict(open_s, OPEN_GOAL.get(size)),
        ),
        Row(
            "peak RSS, open process",
            project,
            f"{rss_peak:.0f} MiB",
            goal_text(OPEN_RSS_GOAL.get(size), "MiB"),
            verdict(rss_peak, OPEN_RSS_GOAL.get(size)),
        ),
    ]
    if after:
        rows.append(Row("RSS after opening", project, f"{median(after):.0f} MiB", "—", "info"))
    ready = median([o["ready"] for o in opens])
    rows.insert(
        1, Row("open → ready to edit (project_opened)", project, seconds_text(ready), "—", "info")
    )
    goal = FILTER_GOAL.get(size)
    for name, text, what in FILTERS:
        value = median(it[f"filter_{name}"])
        label = f"filter “{text}” ({what})"
        rows.append(Row(label, project, seconds_text(value), goal_text(goal), verdict(value, goal)))
    for name, _, what in FILTERS:
        value = median(it[f"clear_after_{name}"])
        label = f"clear the filter (after {what.split(',')[0]})"
        rows.append(Row(label, project, seconds_text(value), goal_text(goal), verdict(value, goal)))
    rows += [
        Row("expand all", project, seconds_text(it["expand_all"]), "—", "info"),
        Row(
            "scroll one page + paint, median / p95 (expanded)",
            project,
            f"{seconds_text(median(it['scroll']))} / {seconds_text(p95(it['scroll']))}",
            "—",
            "info",
        ),
        Row(
            "RSS after expand all",
            project,
            f"{it['rss_after_expand_mib']:.0f} MiB" if it["rss_after_expand_mib"] else "n/a",
            "—",
            "info",
        ),
    ]
    return rows


EDIT_KINDS = (
    ("title", "title edit (Enter)"),
    ("status", "status edit (↓ in the combo box)"),
    ("reject", "status edit to rejected (↓ from done)"),
    ("restore", "status edit from rejected (↑ to done)"),
)
LATENCY_GOAL = {10_000: 0.016}  # median, and within LATENCY_RATIO × the sample's median
LATENCY_RATIO = 1.5
LATENCY_MAX_GOAL = {10_000: 0.050}
PANES = ("tree", "details", "document", "roadmap")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def latency_rows(results: Sequence[Json]) -> list[Row]:
    """Median and max per size and edit kind, against issue 12's goals."""
    sample = next((r for r in results if r["size"] == SAMPLE), None)
    rows = []
    for r in results:
        size = r["size"]
        project = f"sample ({r['count']})" if size == SAMPLE else f"{size:,}"
        for kind, label in EDIT_KINDS:
            times = [run["seconds"] for run in r[kind]]
            med, top = median(times), max(times)
            goal, ratio_of = LATENCY_GOAL.get(size), None
            goal_parts, ok = [], True
            if goal is not None:
                goal_parts.append(f"< {ms(goal)}")
                ok = med < goal
                if sample is not None:
                    ratio_of = median([run["seconds"] for run in sample[kind]])
                    goal_parts.append(f"≤ {LATENCY_RATIO}× sample = {ms(LATENCY_RATIO * ratio_of)}")
                    ok = ok and med <= LATENCY_RATIO * ratio_of
            result = "info" if goal is None else ("PASS" if ok else "FAIL")
            rows.append(
                Row(
                    f"{label} → panes repainted, median",
                    project,
                    ms(med),
                    " and ".join(goal_parts) or "—",
                    result,
                )
            )
            max_goal = LATENCY_MAX_GOAL.get(size)
            rows.append(
                Row(
                    f"{label} → panes repainted, max of {len(times)}",
                    project,
                    ms(top),
                    goal_text(max_goal).replace(seconds_text(max_goal or 0), ms(max_goal or 0)),
                    verdict(top, max_goal),
                )
            )
        for kind, _label in EDIT_KINDS:
            sql = [run["sql"] for run in r[kind]]
            rows.append(
                Row(
                    f"SQL statements per {kind} edit: SQLAlchemy / all SQLite (GUI + worker)",
                    project,
                    f"{median([q['sqlalchemy_gui'] + q['sqlalchemy_worker'] for q in sql]):.0f} / "
                    f"{median([q['sqlite_gui'] + q['sqlite_worker'] for q in sql]):.0f}",
                    "—",
                    "info",
                )
            )
    return rows


def settled(runs: Sequence[Json]) -> str:
    values = [run["settle"] for run in runs if "settle" in run]
    return f"{ms(median(values))} / {ms(max(values))}" if values else "—"


def latency_details(results: Sequence[Json]) -> str:
    lines = ["", "Details (medians of the timed edits; ms):", ""]
    lines += [
        "| project | edit | key → handled | roadmap re-read + shown | events until idle | "
        "total | event-loop passes | events | preview re-render (after its 250 ms pause) | "
        "lane packed (after the roadmap's 300 ms pause), median / max |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        project = f"sample ({r['count']})" if r["size"] == SAMPLE else f"{r['size']:,}"
        for kind, _ in EDIT_KINDS:
            runs = r[kind]

            def part(key: str, runs: Sequence[Json] = runs) -> str:
                values = [run[key] for run in runs if key in run]
                return ms(median(values)) if values else "—"

            def num(key: str, runs: Sequence[Json] = runs) -> str:
                return f"{median([run[key] for run in runs]):.0f}"

            lines.append(
                f"| {project} | {kind} | {part('handled')} | {part('roadmap')} | "
                f"{part('events')} | {part('seconds')} | {num('passes')} | "
                f"{num('event_count')} | {part('preview')} | {settled(runs)} |"
            )
    lines += [
        "",
        "Paint events inside the timed interval, per pane (median), and, untimed, a forced "
        "full paint of each pane (`grab()`, an upper bound; median ms):",
        "",
        "| project | edit | "
        + " | ".join(f"{p} paints" for p in (*PANES, "other"))
        + " | "
        + " | ".join(f"{p} grab" for p in PANES)
        + " |",
        "| ---: | --- |" + " ---: |" * (2 * len(PANES) + 1),
    ]
    for r in results:
        project = f"sample ({r['count']})" if r["size"] == SAMPLE else f"{r['size']:,}"
        for kind, _ in EDIT_KINDS:
            paints = [
                f"{median([run['painted'][p] for run in r[kind]]):.0f}" for p in (*PANES, "other")
            ]
            cells = [
                f"{median([run['grab'][p] for run in r[kind]]) * 1000:.1f}"
                if r["visible"].get(p)
                else "hidden"
                for p in PANES
            ]
            lines.append(f"| {project} | {kind} | " + " | ".join(paints + cells) + " |")
    lines += [
        "",
        "SQL per edit (median; `gui`: the GUI thread, `worker`: the task threads, e.g. the "
        "roadmap's re-read; SQLite's trace also sees BEGIN/COMMIT/PRAGMA; `--` lines are "
        "trigger entries, counted apart):",
        "",
        "| project | edit | SQLAlchemy gui | SQLAlchemy worker | SQLite gui | SQLite worker | "
        "trigger entries | new sqlite3 connections |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        project = f"sample ({r['count']})" if r["size"] == SAMPLE else f"{r['size']:,}"
        for kind, _ in EDIT_KINDS:
            sql = [run["sql"] for run in r[kind]]

            def count(key: str, sql: Sequence[Json] = sql) -> str:
                return f"{median([q[key] for q in sql]):.0f}"

            lines.append(
                f"| {project} | {kind} | {count('sqlalchemy_gui')} | "
                f"{count('sqlalchemy_worker')} | {count('sqlite_gui')} | "
                f"{count('sqlite_worker')} | {count('sqlite_triggers')} | {count('connects')} |"
            )
    for r in results:
        project = f"sample ({r['count']})" if r["size"] == SAMPLE else f"{r['size']:,}"
        title = r["title"]
        lines += [
            "",
            f"- {project}: panes visible {', '.join(k for k, v in r['visible'].items() if v)}; "
            f"the roadmap's re-read and layout alone (`roadmap_data` + `layout_roadmap`, "
            f"on the GUI thread with nothing else running): "
            f"{runs_text_ms(r['roadmap_work'])}; "
            f"title edits {runs_text_ms([x['seconds'] for x in title])}; status edits "
            f"{runs_text_ms([x['seconds'] for x in r['status']])}; status edits to rejected "
            f"{runs_text_ms([x['seconds'] for x in r['reject']])}; from rejected "
            f"{runs_text_ms([x['seconds'] for x in r['restore']])}; peak RSS "
            f"{r['rss_peak_mib']:.0f} MiB; load average after {r['load']:.2f} "
            f"({os.cpu_count()} CPUs)",
        ]
    first = next((r for r in results if r["size"] == 10_000), results[-1] if results else None)
    if first is not None:
        project = "sample" if first["size"] == SAMPLE else f"{first['size']:,}"
        lines += ["", f"The statements of the first timed title edit at {project}:", "", "```"]
        for source, thread, text in first["title"][0]["sql"]["statements"]:
            lines.append(f"{source:10} {thread:6} {text[:150]}")
        lines.append("```")
    return "\n".join(lines)


def runs_text_ms(values: Sequence[float]) -> str:
    return ", ".join(f"{v * 1000:.0f}" for v in values) + " ms"


def markdown_table(rows: Sequence[Row]) -> str:
    lines = ["| step | project | measured | goal | result |", "| --- | ---: | --- | --- | --- |"]
    lines += [f"| {r.step} | {r.project} | {r.measured} | {r.goal} | {r.result} |" for r in rows]
    return "\n".join(lines)


def startup_details(s: Json) -> str:
    warm, first = s["warm"], s["first"]
    lines = [
        "",
        "Start-up timeline (median since `subprocess.Popen`; sample already written | first "
        "start, sample written by the app):",
        "",
        "| moment | sample written | first start |",
        "| --- | ---: | ---: |",
    ]
    for mark, label in START_MARKS:
        values = [r["since_popen"][mark] for r in warm if mark in r["since_popen"]]
        firsts = [r["since_popen"][mark] for r in first if mark in r["since_popen"]]
        lines.append(
            f"| {label} | {seconds_text(median(values)) if values else '—'} | "
            f"{seconds_text(median(firsts)) if firsts else '—'} |"
        )
    runs = runs_text([r["since_popen"]["tree_frame"] for r in warm])
    loads = ", ".join(f"{r['load']:.2f}" for r in warm)
    lines += ["", f"- sample shown, every run: {runs}; load average after each: {loads}"]
    imp = s["importtime"]
    lines += [
        "",
        f"`python -X importtime -c 'import {imp['module']}'` (best run): "
        f"{imp['total_ms']:.0f} ms for the import, plus {imp['site_ms']:.0f} ms of "
        "interpreter start-up imports (site, encodings, .pth files).",
        "",
        "Self time by owner (standard-library modules count for the package or pmdesk module "
        "that imported them first):",
        "",
        "| owner | ms | first imported via |",
        "| --- | ---: | --- |",
    ]
    lines += [f"| {o} | {ms:.1f} | {via} |" for o, ms, via in imp["owners"]]
    lines += [
        "",
        "Largest cumulative imports (packages and pmdesk modules):",
        "",
        "| module | cumulative ms | self ms | imported by |",
        "| --- | ---: | ---: | --- |",
    ]
    lines += [f"| {n} | {c:.1f} | {sf:.1f} | {p} |" for n, c, sf, p in imp["largest"]]
    return "\n".join(lines)


def size_details(results: Sequence[Json]) -> str:
    lines = ["", "Details:", ""]
    for r in results:
        opens, it = r["opens"], r["interact"]

        def part(key: str, opens: Sequence[Json] = opens) -> str:
            return seconds_text(median([o[key] for o in opens]))

        before = [o["rss_before_mib"] for o in opens if o["rss_before_mib"] is not None]
        top, bottom, page = it["scroll_range"]
        lines += [
            f"- {r['size']:,} requirements, project file {r['bytes'] / 1e6:.1f} MB; tree "
            f"viewport {opens[0]['viewport'][0]}×{opens[0]['viewport'][1]} px",
            f"  - open runs: {runs_text([o['seconds'] for o in opens])}; median split: "
            f"until tree_shown {part('until_tree_shown')}, processEvents "
            f"{part('process_events')}, viewport paint {part('paint')}; ready to edit "
            f"(project_opened): {runs_text([o['ready'] for o in opens])}",
            f"  - RSS with the empty window {median(before):.0f} MiB"
            if before
            else "  - RSS before the open: n/a",
            *(
                f"  - filter “{text}”: {it[f'{name}_matches']:,} titles match, "
                f"{it[f'{name}_visible']:,} rows shown with their ancestors; runs "
                f"{runs_text(it[f'filter_{name}'])}; clearing it: "
                f"{runs_text(it[f'clear_after_{name}'])}"
                for name, text, _ in FILTERS
            ),
            f"  - paint only (viewport grab + processEvents), median of 20: "
            f"{seconds_text(median(it['paint']))}",
            f"  - scroll: {len(it['scroll'])} positions over {bottom - top + page:,} rows "
            f"(page {page} rows): median {seconds_text(median(it['scroll']))}, p95 "
            f"{seconds_text(p95(it['scroll']))}, max {seconds_text(max(it['scroll']))}; "
            f"back to the top {seconds_text(it['scroll_jump_top'])}",
            f"  - peak RSS of the filter/scroll process {it['rss_peak_mib']:.0f} MiB; "
            f"1-minute load average after the size: {r['load']:.2f} ({os.cpu_count()} CPUs)",
        ]
    return "\n".join(lines)


def platform_line() -> str:
    import platform
    import sqlite3

    import PySide6
    import sqlalchemy

    return (
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"SQLite {sqlite3.sqlite_version}, SQLAlchemy {sqlalchemy.__version__}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Qt offscreen"
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m tests.bench.run_app", description=(__doc__ or "").split("\n\n")[0]
    )
    p.add_argument("--sizes", help="comma-separated requirement counts (default 10000,100000)")
    p.add_argument("--quick", action="store_true", help="10,000 only, 1 repeat")
    p.add_argument("--repeats", type=int, help="runs per timed step (default 3)")
    p.add_argument("--lang", choices=sorted(LANG_ENV), default="zh", help="UI language (zh)")
    p.add_argument("--no-startup", action="store_true", help="skip the start-up measurements")
    p.add_argument("--workdir", type=Path, help="folder for the files (default: a temp folder)")
    p.add_argument("--keep", action="store_true", help="keep the generated files")
    p.add_argument("--profile", type=Path, help="also write cProfile .prof files to this folder")
    p.add_argument("--json", type=Path, help="also write the raw measurements to this file")
    p.add_argument("--strict", action="store_true", help="exit with 1 if a goal is missed")
    p.add_argument(
        "--latency",
        action="store_true",
        help="only the edit latency in the window (sizes default to sample,10000,100000)",
    )
    p.add_argument("--edits", type=int, default=EDITS, help=f"timed edits of each kind ({EDITS})")
    # Internal: run one step in this process (the driver starts these).
    p.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    p.add_argument("--target", help=argparse.SUPPRESS)
    p.add_argument("--data-dir", help=argparse.SUPPRESS)
    p.add_argument("--size", type=int, help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker:
        if args.profile is not None:
            args.profile = str(args.profile)
        args.repeats = args.repeats or 1
        out = WORKERS[args.worker](args)
        out["load"] = os.getloadavg()[0]
        print(json.dumps(out))
        sys.stdout.flush()
        os._exit(0)  # skip tearing down 100,000 Python rows and the widgets: not measured

    sizes = [
        SAMPLE if s.strip() == "sample" else int(s.replace("_", ""))
        for s in (args.sizes or "").split(",")
        if s.strip()
    ]
    if args.latency:
        sizes = sizes or [SAMPLE, 10_000, 100_000]
    sizes = sizes or ([10_000] if args.quick else [10_000, 100_000])
    repeats = args.repeats or (1 if args.quick else 3)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="pmdesk-bench-app-"))
    workdir.mkdir(parents=True, exist_ok=True)
    if args.profile is not None:
        args.profile = args.profile.resolve()
        args.profile.mkdir(parents=True, exist_ok=True)
    driver = Driver(workdir.resolve(), repeats, args.lang, args.profile)
    log(f"working in {workdir}")
    if args.latency:
        try:
            latency = [driver.run_latency(size, args.edits) for size in sizes]
        finally:
            shutil.rmtree(workdir / "runs", ignore_errors=True)
            if not args.keep and args.workdir is None:
                shutil.rmtree(workdir, ignore_errors=True)
        rows = latency_rows(latency)
        print(f"\n## pmdesk edit latency ({platform_line()})\n")
        print(markdown_table(rows))
        print(latency_details(latency))
        if args.profile is not None:
            print_profiles(args.profile, 15, "app-latency-*.prof")
        if args.json is not None:
            args.json.write_text(
                json.dumps({"latency": latency}, indent=2, ensure_ascii=False), encoding="utf-8"
            )
        return 1 if args.strict and any(r.result == "FAIL" for r in rows) else 0
    try:
        startup = None if args.no_startup else driver.startup()
        results = [driver.run_size(size) for size in sizes]
    finally:
        shutil.rmtree(workdir / "runs", ignore_errors=True)
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    rows = startup_rows(startup) if startup else []
    rows += [row for result in results for row in size_rows(result)]
    print(f"\n## pmdesk app benchmark ({platform_line()})\n")
    print(markdown_table(rows))
    if startup:
        print(startup_details(startup))
    print(size_details(results))
    if args.profile is not None:
        print_profiles(args.profile, 15, "app-*.prof")
    if args.json is not None:
        raw = {"startup": startup, "sizes": results}
        args.json.write_text(json.dumps(raw, indent=2, ensure_ascii=False), encoding="utf-8")
    failed = any(r.result == "FAIL" for r in rows)
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    raise SystemExit(main())
