"""The time stamps pmdesk writes (history, working-copy state), in UTC."""

from __future__ import annotations

import datetime as dt


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")


def local_minutes(utc_text: str) -> str:
    """A stored UTC time ("2027-01-05T09:30:00") in this machine's time zone,
    to the minute, for reading: "2027-01-05 17:30"."""
    try:
        moment = dt.datetime.fromisoformat(utc_text)
    except ValueError:
        return utc_text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
