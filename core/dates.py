"""Calendar arithmetic with no domain words."""

import calendar
import datetime


def month_end(year: int, month: int) -> datetime.date:
    """The last day of the month."""
    return datetime.date(year, month, calendar.monthrange(year, month)[1])
