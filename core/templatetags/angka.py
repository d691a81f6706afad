"""`{{ value|angka }}` and `{{ value|angka:2 }}`: numbers written the Indonesian way."""

from django import template

from core.angka import format_angka

register = template.Library()


@register.filter
def angka(value, places=None):
    if places in (None, ""):
        return format_angka(value)
    return format_angka(value, int(places))
