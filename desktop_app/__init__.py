"""Diversity Assistant: prepare a workforce-diversity submission (CBS Barometer, KSZ/BCSS) offline."""

__version__ = "0.1.0"
