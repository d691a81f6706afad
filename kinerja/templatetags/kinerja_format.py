"""Presentation helpers for kinerja's pages: minutes, times and weekday names."""

from django import template

from kinerja import kalender

register = template.Library()


@register.filter
def menit(value):
    """270 → "4 j 30 m"."""
    return kalender.format_minutes(value)


@register.filter
def jam(value):
    """A time as "07.30"."""
    return kalender.format_time(value) if value else ""


@register.filter
def hari(value):
    """A date's weekday in Indonesian ("Senin")."""
    return kalender.DAYS[value.weekday()] if value else ""


@register.filter
def hari_singkat(value):
    return kalender.DAYS[value.weekday()][:3] if value else ""
