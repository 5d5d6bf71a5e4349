"""Planned steps into text people and calendars read: iCalendar, links, HTML, timeline."""
