"""Diversity Assistant: prepare a workforce-diversity submission (CBS Barometer, KSZ/BCSS) offline."""

import logging

__version__ = "0.1.0"

# The product's log records go to its log file once logging_setup.configure_logging ran (the
# wizard, a command's unexpected failure); before that they go nowhere. Without this handler
# Python's last resort would print a warning on stderr, where a command prints only sentences.
logging.getLogger(__name__).addHandler(logging.NullHandler())
