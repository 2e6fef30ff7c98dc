"""Roadmap benchmark: scene build, zoomed-out render and pan repaint at 2,000 items.

Run from the repository root:

    python -m tests.bench.run_roadmap                 # 2,000 dated requirements
    python -m tests.bench.run_roadmap --items 5000 --repeats 9

The project is `synth.generate(N)` with every requirement given dates inside its
release (the generator leaves 40 % undated), imported into a temporary folder.
Qt runs offscreen in this process; times are wall clock, median of `--repeats`.
The Markdown table goes to stdout, progress to stderr. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.bench import synth
from tests.bench.run_foundation import log

BUILD_GOAL = 0.150
RENDER_GOAL = 0.080
PAN_GOAL = 0.010
PAN_PX = 40  # one pan step: about what a wheel notch or a drag moves between frames
WORKING_PPD = 6.0  # pixels per day while panning: weeks on the axis


def dated_snapshot(count: int) -> dict[str, Any]:
    snapshot = synth.generate(count)
    releases = {r["uid"]: r for r in snapshot["releases"]}
    fallback = snapshot["releases"][0]
    day = dt.timedelta(days=1)
    stack = list(snapshot["requirements"])
    n = 0
    while stack:
        node = stack.pop()
        stack.extend(node["children"])
        n += 1
        if node["start"] is None:
            release = releases.get(node["release"]) or fallback
            start = dt.date.fromisoformat(release["start"]) + day * (n % 60)
            node["start"] = start.isoformat()
            node["end"] = (start + day * (3 + n % 23)).isoformat()
    return snapshot


T = TypeVar("T")


def timed(fn: Callable[[], T], repeats: int) -> tuple[list[float], T]:
    """The time of each of `repeats` (at least 1) runs, and what the last returned."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return times, result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def run(items: int, repeats: int, workdir: Path) -> list[tuple[str, float, float | None, str]]:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from pmdesk.app.roadmap.texts import ui_texts
    from pmdesk.app.roadmap.view import RoadmapView
    from pmdesk.core.newproject.from_snapshot import import_snapshot
    from pmdesk.core.queries.roadmap import roadmap_data
    from pmdesk.core.roadmap.layout import layout_roadmap
    from pmdesk.core.snapshot.convert import dumps, loads
    from pmdesk.core.storage.projectfile import open_readonly
    from pmdesk.export.roadmap_picture import roadmap_picture
    from pmdesk.export.roadmap_style import bar_colors, release_colors

    app = QApplication.instance() or QApplication([])
    path = workdir / "roadmap.pmdesk"
    log(f"generating and importing {items:,} requirements…")
    import_snapshot(loads(dumps(dated_snapshot(items))), path, replace=True)
    store = open_readonly(path)
    texts = ui_texts()
    rows: list[tuple[str, float, float | None, str]] = []
    try:
        with store.engine.connect() as conn:
            query_times, data = timed(lambda: roadmap_data(conn), repeats)
            layout_times, layout = timed(lambda: layout_roadmap(data, dt.date(2027, 3, 1)), repeats)
            log(f"{len(layout.bars):,} bars in {layout.rows:,} rows, {len(layout.arrows)} arrows")

            view = RoadmapView()
            view.resize(1920, 1080)
            view.show()
            app.processEvents()

            def build() -> None:
                fresh = layout_roadmap(roadmap_data(conn), dt.date(2027, 3, 1))
                view.show_layout(fresh, texts, bar_colors(fresh, "status"), release_colors(fresh))

            build_times, _ = timed(build, repeats)
            scene_times, _ = timed(
                lambda: view.show_layout(
                    layout, texts, bar_colors(layout, "status"), release_colors(layout)
                ),
                repeats,
            )

            image = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)

            def render_all() -> None:
                image.fill(QColor("#FFFFFF"))
                painter = QPainter(image)
                view.scene().render(
                    painter,
                    QRectF(0, 0, 1920, 1080),
                    view.scene().sceneRect(),
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                )
                painter.end()

            view.fit_all()
            render_times, _ = timed(render_all, repeats)
            fit_times, _ = timed(lambda: view.viewport().grab(), repeats)

            view.set_zoom(WORKING_PPD)
            bar = view.horizontalScrollBar()
            bar.setValue(0)
            app.processEvents()

            def pan_steps(full: bool) -> list[float]:
                """Scroll by PAN_PX (20 steps right, 20 left, …) and paint: what the
                view repaints itself (the exposed strip and the axis), or everything."""
                times = []
                for i in range(max(repeats * 10, 60)):
                    t0 = time.perf_counter()
                    bar.setValue(bar.value() + (PAN_PX if (i // 20) % 2 == 0 else -PAN_PX))
                    if full:
                        view.viewport().repaint()
                        view.header.repaint()
                    else:
                        app.processEvents()
                    times.append(time.perf_counter() - t0)
                return times

            pan = pan_steps(full=False)
            pan_full = pan_steps(full=True)

            def draw() -> bytes:
                picture = roadmap_picture(conn, language="zh")
                assert picture is not None  # every requirement of the project is dated
                return picture.png()

            picture_times, _ = timed(draw, max(repeats // 2, 1))
            view.close()
    finally:
        store.dispose()

    med = statistics.median
    rows += [
        ("read (roadmap_data)", med(query_times), None, "query only"),
        ("lay out (layout_roadmap)", med(layout_times), None, "packing, arrows, conflicts"),
        ("scene for a laid-out roadmap", med(scene_times), None, "geometry + scene update"),
        ("scene build: read + lay out + scene", med(build_times), BUILD_GOAL, "what an edit costs"),
        ("whole roadmap rendered into 1920×1080", med(render_times), RENDER_GOAL, "all bars"),
        ("fit-all viewport repaint, 1920×1080", med(fit_times), None, "with labels"),
        (f"pan step ({PAN_PX} px) + repaint", med(pan), PAN_GOAL, "exposed strip + axis"),
        ("pan step, 95th percentile", sorted(pan)[int(len(pan) * 0.95)], None, ""),
        ("pan step, whole viewport repainted", med(pan_full), None, "1920×1080, ~250 bars"),
        ("PNG picture 1600 px wide (export)", med(picture_times), None, "every row, labels"),
    ]
    return rows


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pmdesk-bench-roadmap-") as folder:
        os.environ["PMDESK_DATA_DIR"] = str(Path(folder) / "data")
        rows = run(args.items, args.repeats, Path(folder))
    print(f"| step ({args.items:,} dated requirements) | median | goal | note |")
    print("| --- | ---: | ---: | --- |")
    missed = False
    for name, seconds, goal, note in rows:
        verdict = ""
        if goal is not None:
            ok = seconds <= goal
            missed |= not ok
            verdict = f"< {ms(goal)} {'✓' if ok else '✗'}"
        print(f"| {name} | {ms(seconds)} | {verdict} | {note} |")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n1-minute load average after the run: {load:.2f}")
    return 1 if (missed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
