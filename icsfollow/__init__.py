"""icsfollow: plan an interview's follow-up as an .ics file every calendar imports."""

__version__ = "0.1.0"
__all__ = ["__version__"]
