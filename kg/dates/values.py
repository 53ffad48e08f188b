"""What a date expression resolves to: a period with a precision, and where it was found."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.vocab import DD

PRECISIONS: tuple[str, ...] = (
    "day",
    "partOfMonth",
    "month",
    "season",
    "halfYear",
    "year",
    "multiYear",
)
"""Precisions from finest to coarsest; each is a local name of ``dd:DatePrecision``."""


@dataclass(frozen=True)
class DateValue:
    """A resolved date: the period the text means, how precisely, and the words used."""

    start: dt.date
    """First day of the period."""
    end: dt.date
    """Last day of the period (equal to ``start`` for a single day)."""
    precision: str
    """One of :data:`PRECISIONS`: the coarsest unit the text commits to."""
    text: str
    """The expression as written, with its preposition ("in July", "by 2030")."""

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown date precision {self.precision!r}")
        if self.end < self.start:
            raise ValueError(f"date period ends before it starts: {self.start}..{self.end}")

    def literal(self) -> Literal:
        """The value as an XSD literal no finer than its precision.

        Day and part-of-month give ``xsd:date`` (the first day); month, season and half
        year give ``xsd:gYearMonth`` (the first month); year and multi-year give
        ``xsd:gYear`` (the first year). The end of the period goes in ``dd:dateEnd``.
        """
        if self.precision in ("day", "partOfMonth"):
            return Literal(self.start.isoformat(), datatype=XSD.date)
        if self.precision in ("month", "season", "halfYear"):
            return Literal(f"{self.start.year:04d}-{self.start.month:02d}", datatype=XSD.gYearMonth)
        return Literal(f"{self.start.year:04d}", datatype=XSD.gYear)

    @property
    def precision_iri(self) -> URIRef:
        """The ``dd:DatePrecision`` individual for :attr:`precision`."""
        return DD[self.precision]


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, by character offsets into that text."""

    start: int
    end: int
    value: DateValue
