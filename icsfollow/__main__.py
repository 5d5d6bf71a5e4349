"""``python -m icsfollow``."""

from icsfollow.cli import main

main()
