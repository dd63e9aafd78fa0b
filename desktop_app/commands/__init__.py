"""The command line's commands, one module each: ``add_parser(subparsers)`` declares the command,
``run(args, language) -> int`` runs it and gives the exit code. :mod:`desktop_app.cli` holds the
registry and the entry (``main``)."""
