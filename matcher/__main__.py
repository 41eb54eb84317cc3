"""``python -m matcher``: the command line (see ``matcher.cli``)."""

from matcher.cli import main

main()
