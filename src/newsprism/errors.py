"""One exception hierarchy. Messages say what failed and how to fix it."""

from __future__ import annotations


class NewsprismError(Exception):
    """Base of every error newsprism raises on purpose."""


class UsageError(NewsprismError):
    """The caller asked for something that cannot work (bad option, missing path)."""


class InputError(NewsprismError):
    """One input item cannot be read. Batches catch it and record a skip reason."""


class StoreError(NewsprismError):
    """The store cannot be opened or migrated."""
