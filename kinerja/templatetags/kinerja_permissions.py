"""Template filters that ask kinerja.permissions; templates never copy a rule."""

from django import template

from kinerja import permissions

register = template.Library()


@register.filter
def can_edit_aktivitas(user, aktivitas):
    return permissions.can_edit_aktivitas(user, aktivitas)


@register.filter
def can_submit_aktivitas(user, aktivitas):
    return permissions.can_submit_aktivitas(user, aktivitas)


@register.filter
def can_decide_aktivitas(user, aktivitas):
    return permissions.can_decide_aktivitas(user, aktivitas)


@register.filter
def can_edit_realisasi(user, realisasi):
    return permissions.can_edit_realisasi(user, realisasi)


@register.filter
def can_decide_realisasi(user, realisasi):
    return permissions.can_decide_realisasi(user, realisasi)


@register.filter
def can_edit_bukti(user, bukti):
    return permissions.can_edit_bukti(user, bukti)
