"""Template filters that ask indikator.permissions; templates never copy a rule."""

from django import template

from indikator import permissions

register = template.Library()


@register.filter
def can_approve_skp(user, skp):
    return permissions.can_approve_skp(user, skp)


@register.filter
def can_reopen_skp(user, skp):
    return permissions.can_reopen_skp(user, skp)


@register.filter
def can_set_ekspektasi(user, skp):
    return permissions.can_set_ekspektasi(user, skp)


@register.filter
def can_fill_matriks(user, skp):
    return permissions.can_fill_matriks(user, skp)
