"""The submission package: the programme's output file, manifest and summary; built by
:mod:`.build`, opened on the office's side by :mod:`.open` (decrypt, verify, check the manifest)."""

from desktop_app.package.output import OutputError, OutputFile, build_output, neutralise_formula

__all__ = ["OutputError", "OutputFile", "build_output", "neutralise_formula"]
