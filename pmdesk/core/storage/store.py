"""An open project database: short sessions, and operations applied in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from pmdesk.core.clock import utc_now
from pmdesk.core.domain.ranks import new_salt
from pmdesk.core.errors import OperationError
from pmdesk.core.ops import Applied, Operation, Transaction
from pmdesk.core.storage.places import default_user
from pmdesk.core.storage.sqlite_errors import reason, working_copy_target
from pmdesk.core.storage.sqlite_files import database_path

__all__ = ["ProjectStore", "utc_now"]


class ProjectStore:
    """Sessions on one project database, plus who is editing (for the history)."""

    def __init__(
        self, engine: Engine, user: str | None = None, clock: Callable[[], str] = utc_now
    ) -> None:
        self.engine = engine
        self.user = user or default_user()
        self._clock = clock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.rank_salt = new_salt()  # this session's ending of new ranks (core.ranks)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only session; return plain data before it closes."""
        with self._sessions() as session:
            yield session

    def apply(self, operation: Operation) -> Applied:
        """Run one operation as one transaction: all of it is saved, or none."""
        try:
            with self._sessions.begin() as session:
                tx = Transaction(
                    session,
                    self.user,
                    self._clock(),
                    operation=type(operation).__name__,
                    rank_salt=self.rank_salt,
                )
                return operation.apply(tx)
        except IntegrityError as e:
            raise OperationError("edit.refused", detail=e.orig) from None
        except (SQLAlchemyError, OSError) as e:
            # Disk full, the data folder gone, a read-only medium, a damaged
            # file: the edit did not happen, and the user is told why in plain
            # words, naming the project (a working copy's name means nothing).
            raise self._not_written(e) from None

    def _not_written(self, error: BaseException) -> OperationError:
        database = database_path(self.engine) or Path(self.engine.url.database or "")
        why = reason(error)
        target = working_copy_target(database)
        if target is None:
            return OperationError("edit.not_written", name=database.name, reason=why)
        data_dir = database.parent.parent.parent  # DATA/working/SLOT/work.pmdesk
        return OperationError(
            "edit.not_written_data", name=target.name, folder=data_dir, reason=why
        )

    def dispose(self) -> None:
        self.engine.dispose()
