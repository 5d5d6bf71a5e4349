"""The record of plans: an embedded SQLite database in the user's data folder."""
