"""`python -m communique` runs the command line."""

from communique.cli.app import main

main()
