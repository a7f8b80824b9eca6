"""Calendar files (iCalendar, RFC 5545) of all-day events, written with the standard library.

:func:`render_calendar` writes events as a ``.ics`` text any calendar program imports:
lines end in CRLF and are folded at 75 octets without splitting a character, text is
escaped, and each event has a stable UID (the same event gets the same UID in every
export, so importing a file again updates the event instead of adding a copy).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

PRODUCT = "-//Telework Guidebook//telework//EN"
UID_DOMAIN = "telework.invalid"
"""The UIDs' domain part; .invalid (RFC 2606) cannot clash with a real host's UIDs."""
MAX_OCTETS = 75


@dataclass(frozen=True)
class Event:
    """An all-day event: its day, a title and an optional description."""

    day: date
    title: str
    description: str = ""

    def uid(self) -> str:
        digest = hashlib.sha256(f"{self.day.isoformat()}\n{self.title}".encode()).hexdigest()
        return f"{digest[:32]}@{UID_DOMAIN}"


def render_calendar(events: Iterable[Event], now: datetime | None = None) -> str:
    """A VCALENDAR holding `events`; `now` (default: the current time) is each DTSTAMP."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN"]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid()}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(event.day + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape_text(event.title)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def escape_text(text: str) -> str:
    """`text` as an iCalendar TEXT value: backslashes, semicolons, commas and newlines escaped,
    other control characters (which the format forbids) left out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    for char, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(char, escaped)
    return text


def fold(line: str) -> str:
    """`line` folded into lines of at most 75 octets of UTF-8, each continuation led by a space."""
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        octets = len(char.encode())
        if size + octets > MAX_OCTETS:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += octets
    parts.append(current)
    return "\r\n".join(parts)
