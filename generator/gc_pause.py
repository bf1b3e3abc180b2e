"""Pause Python's cyclic garbage collector while a large acyclic structure is built.

Loading a 7 MB spec and building its IR or surface allocates millions of containers; each
allocation burst triggers collections that walk every object made so far, for nothing,
since these structures hold no reference cycles. Pausing the collector for the duration
takes about a quarter off the load + IR time of the Platform spec (measured in
``bench/bench_diff.py``). Whatever cycles appear meanwhile are collected once it resumes.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block; re-enable it only if it was on, so
    nested pauses and a caller's own ``gc.disable()`` are respected."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def without_cyclic_gc(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorator form of :func:`cyclic_gc_paused`."""

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with cyclic_gc_paused():
            return function(*args, **kwargs)

    return paused
