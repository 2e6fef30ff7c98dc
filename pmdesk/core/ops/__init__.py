"""Every change to a project goes through these operations (app, CLI, importers)."""

from pmdesk.core.ops.base import Applied, Effect, Label, Operation, Transaction
from pmdesk.core.ops.baselines import CreateBaseline, DeleteBaseline, RenameBaseline
from pmdesk.core.ops.bulk import EditTags, UpdateMany
from pmdesk.core.ops.edits import Batch, Create, Insert, Move, MoveBlock, Remove, Update
from pmdesk.core.ops.numbers import allocate_numbers
from pmdesk.core.ops.setup import RemoveRelease, RenumberKeys
from pmdesk.core.ops.suspect import MarkReviewed

__all__ = [
    "Applied",
    "Batch",
    "Create",
    "CreateBaseline",
    "DeleteBaseline",
    "EditTags",
    "Effect",
    "Insert",
    "Label",
    "MarkReviewed",
    "Move",
    "MoveBlock",
    "Operation",
    "Remove",
    "RemoveRelease",
    "RenameBaseline",
    "RenumberKeys",
    "Transaction",
    "Update",
    "UpdateMany",
    "allocate_numbers",
]
