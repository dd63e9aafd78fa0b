"""KSZ/BCSS route (Belgium), Qt-free: the officer's choices (choices.py), the crossing check
(crossing.py) and its steps (steps.py), merges and proposals applied (merges.py), the request
document (request.py) and its files (documents.py); cli.py is the ``ksz`` command."""
