"""Template filters that ask organisasi.permissions; templates never copy a rule."""

from django import template

from organisasi import permissions

register = template.Library()


@register.filter
def can_edit_struktur(user, obj):
    return permissions.can_edit_struktur(user, obj)


@register.filter
def role_label(role):
    return permissions.Peran(role).label
