"""The submission package: the programme's output file, manifest and summary."""

from desktop_app.package.output import OutputError, OutputFile, build_output, neutralise_formula

__all__ = ["OutputError", "OutputFile", "build_output", "neutralise_formula"]
