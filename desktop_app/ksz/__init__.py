"""KSZ/BCSS route (Belgium): the crossing check (crossing.py) and the request document (request.py)."""
