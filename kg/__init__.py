"""Attaché: defense-diplomacy news turned into a knowledge graph that answers questions.

``kg`` holds everything but HTTP: reading articles, extraction, RDF mapping, the
store interface, question answering and the command line. It never imports Flask.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("attache-kg")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
