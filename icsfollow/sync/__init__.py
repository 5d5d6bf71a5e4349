"""CalDAV sync: make the user's calendar server hold exactly the record's steps.

Only :mod:`icsfollow.sync.server` imports the ``caldav`` library (the ``caldav`` extra);
the settings, the password sources and the engine are plain Python, so ``plan`` and
``list`` never load it.
"""
