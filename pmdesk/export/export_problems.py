"""Problems a PRD export found (broken pmdesk blocks, unreadable baselines), told
before anything is written: one line each, naming the section, in the export's language."""

from __future__ import annotations

from pmdesk.export.doc import ExportProblem


class ExportProblemsError(Exception):
    """The export stopped before writing because its document has problems (`--strict`,
    or the user went back to fix them)."""

    def __init__(self, problems: list[ExportProblem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the document")
        self.problems = problems


def problem_place(problem: ExportProblem, language: str) -> str:
    """Where the problem is: "Section “Scope”, line 3" or "「范围」第 3 行"."""
    if language == "zh":
        if not problem.section:
            return "文档"
        where = f"「{problem.section}」"
        return f"{where}第 {problem.line} 行" if problem.line else where
    if not problem.section:
        return "The document"
    where = f"Section “{problem.section}”"
    return f"{where}, line {problem.line}" if problem.line else where


def problem_line(problem: ExportProblem, language: str) -> str:
    """The place and the sentence on one line, for a terminal or a list."""
    colon = "：" if language == "zh" else ": "
    return f"{problem_place(problem, language)}{colon}{problem.message}"
