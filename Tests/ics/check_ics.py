#!/usr/bin/env python3
"""Parses an iCalendar file with PyPI's icalendar (independent of Terbuka) and prints its
events as JSON: uid, summary, location, start and end (UTC ISO 8601 for date-times, plain
dates for all-day events), all_day. Also checks what RFC 5545 requires of the text itself:
CRLF line ends, no line over 75 octets, VERSION, PRODID, and DTSTAMP in UTC."""
import json
import sys
from datetime import date, datetime, timezone

import icalendar

raw = open(sys.argv[1], "rb").read()
problems = []
if b"\n" in raw.replace(b"\r\n", b""):
    problems.append("a line ends without CR")
for number, line in enumerate(raw.split(b"\r\n"), 1):
    if len(line) > 75:
        problems.append(f"line {number} has {len(line)} octets")
calendar = icalendar.Calendar.from_ical(raw)
if str(calendar.get("VERSION")) != "2.0":
    problems.append("VERSION is not 2.0")
if not calendar.get("PRODID"):
    problems.append("no PRODID")


def when(value):
    value = value.dt
    if isinstance(value, datetime):
        if value.tzinfo is None:
            problems.append("a floating date-time")
            return value.isoformat()
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


events = []
for event in calendar.walk("VEVENT"):
    stamp = event.get("DTSTAMP").dt
    if not isinstance(stamp, datetime) or stamp.utcoffset().total_seconds() != 0:
        problems.append("DTSTAMP is not in UTC")
    start = event.get("DTSTART")
    events.append({
        "uid": str(event.get("UID")),
        "summary": str(event.get("SUMMARY")),
        "location": str(event.get("LOCATION")) if event.get("LOCATION") else None,
        "start": when(start),
        "end": when(event.get("DTEND")),
        "all_day": isinstance(start.dt, date) and not isinstance(start.dt, datetime),
    })
print(json.dumps({"events": events, "problems": problems}, ensure_ascii=False))
