"""The store kinds, registered by name: ``ATTACHE_STORE`` accepts exactly these names and
:func:`kg.store.open_store` opens them, so a new backend is one registration, not an edit
to an if-chain in each place that picks one.

Each backend module registers its kinds (``@store_kind("remote", ...)`` on its opener),
as :mod:`kg.dates` registers its rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.config import Config
    from kg.store.base import Store

Opener = Callable[["Config"], "Store"]


@dataclass(frozen=True)
class StoreKind:
    name: str
    help: str
    open: Opener


KINDS: dict[str, StoreKind] = {}


def store_kind(name: str, help: str) -> Callable[[Opener], Opener]:
    """Register ``opener`` as the way to open stores of kind ``name``."""

    def register(opener: Opener) -> Opener:
        if name in KINDS:
            raise ValueError(f"store kind {name!r} is registered twice")
        KINDS[name] = StoreKind(name, help, opener)
        return opener

    return register
