"""The shape of one line on a home page ("what to do now"), shared by every app's home function.

Each app offers `<app>.queries.home_lines(user) -> list[HomeLine]` (a constant number of
queries); `beranda` calls them in app order and renders the lines.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class HomeLine:
    """A sentence the user acts on, with the page that does it and, when it has one, a count."""

    text: str
    url: str
    count: int | None = None
    level: str = (
        "info"  # "danger" (late, returned), "warning" (due soon), "info", "success"
    )
    detail: str = ""  # a second line, e.g. the atasan's return note
