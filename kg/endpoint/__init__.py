"""The public SPARQL endpoint's engine room: queries from outside run in worker processes.

- :mod:`kg.endpoint.pool`: the server side; a pool of pre-started workers, snapshots of
  the store for them to read, deadlines that kill, fair sharing between clients.
- :mod:`kg.endpoint.worker`: the worker process itself (``python -m kg.endpoint.worker``).

It sits above the store (the pool snapshots a :class:`~kg.store.Store`) and below the
service. This ``__init__`` imports nothing, so that a worker process starts quickly.
"""
