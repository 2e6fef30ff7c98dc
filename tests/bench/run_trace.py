"""How long the traceability window holds the GUI thread when a side of its
matrix is a saved view with a text filter (by hand: `python -m tests.bench.run_trace
--size 100000`). The matrix is read on the task runner: the choice returns at
once and the answer follows; without a runner (`tasks=None`) the choice blocks
for the whole read, as it did before. Prints one Markdown table."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--text", default="客户", help="the saved view's filter text")
    args = parser.parse_args()

    import orjson
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from pmdesk.app.session import ProjectSession
    from pmdesk.app.tasks import TaskRunner
    from pmdesk.app.trace.window import TraceWindow
    from pmdesk.core.newproject.from_snapshot import import_snapshot_file
    from pmdesk.core.ops import Create
    from pmdesk.core.storage.workingcopy import WorkingCopy
    from tests.bench.synth import generate

    app = QApplication([])
    rows = ["| step | GUI thread held (s) | answer shown after (s) |", "| --- | --- | --- |"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        snapshot = folder / "big.json"
        snapshot.write_bytes(orjson.dumps(generate(args.size)))
        project = folder / "big.pmdesk"
        import_snapshot_file(snapshot, project, replace=True)
        wc = WorkingCopy.open(project, data_dir=folder / "data")
        try:
            session = ProjectSession(wc)
            view = str(uuid.uuid4())
            criteria = {"text": args.text}
            session.push(Create("saved_view", view, {"name": "bench", "criteria": criteria}))
            for label, tasks in (
                ("on the GUI thread (before)", None),
                ("task runner", TaskRunner()),
            ):
                window = TraceWindow(session, tasks=tasks)
                panel = window.matrix
                while panel.busy:
                    QCoreApplication.processEvents()
                index = panel.row_kind.findData("view:" + view)
                start = time.perf_counter()
                panel.row_kind.setCurrentIndex(index)
                held = time.perf_counter() - start
                while panel.busy:
                    QCoreApplication.processEvents()
                    time.sleep(0.001)
                shown = time.perf_counter() - start
                rows.append(
                    f"| {args.size:,} requirements, view “{args.text}” × stories, {label} "
                    f"| {held:.3f} | {shown:.3f} ({len(panel.matrix.rows):,} rows) |"
                )
                window.close()
                if tasks is not None:
                    tasks.wait()
        finally:
            wc.close(discard=True)
    app.quit()
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
