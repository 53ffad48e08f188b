"""``python -m kg`` is the ``attache`` command."""

from kg.cli import main

main()
