"""``python -m icsfollow``."""

from icsfollow.script import main

main()
