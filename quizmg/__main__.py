"""`python -m quizmg`."""

from quizmg.cli import main

main()
