"""Building surveys: SKM unsur from the template, questions, and their weights."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from organisasi.models import Jawaban, Pertanyaan, Survei, UnsurSkm
from organisasi.skm import bobot_problem

Tipe = Pertanyaan.Tipe


@transaction.atomic
def create_survei(survei: Survei, *, by) -> Survei:
    """Save a new survey; an SKM survey starts with the nine unsur of the SKM template."""
    survei.dibuat_oleh = by if by.is_authenticated else None
    survei.save()
    if survei.jenis == Survei.Jenis.SKM:
        add_skm_unsur(survei)
    return survei


@transaction.atomic
def update_survei(survei: Survei, *, bobot: dict) -> Survei:
    """Save a survey and its unsur weights ({pertanyaan id: bobot or None}) together.

    Raises ValidationError when the weights are unusable (see bobot_problem) or would change
    the weight of an unsur that already has answers.
    """
    unsur = {
        p.pk: p
        for p in survei.pertanyaan_set.filter(tipe=Tipe.UNSUR_SKM).select_for_update()
    }
    new = {pk: bobot.get(pk, p.bobot) for pk, p in unsur.items()}
    problem = bobot_problem(list(new.values()))
    if problem:
        raise ValidationError(problem)
    changed = [p for pk, p in unsur.items() if p.bobot != new[pk]]
    if Jawaban.objects.filter(pertanyaan__in=changed).exists():
        raise ValidationError("Bobot unsur yang sudah dijawab tidak dapat diubah.")
    survei.save()
    for pertanyaan in changed:
        pertanyaan.bobot = new[pertanyaan.pk]
    Pertanyaan.objects.bulk_update(changed, ["bobot"])
    return survei


def add_skm_unsur(survei: Survei) -> list[Pertanyaan]:
    """Append the SKM template's unsur, in the template's order, with their standard wording."""
    start = survei.pertanyaan_set.aggregate(last=Max("urutan"))["last"] or 0
    rows = [
        Pertanyaan(
            survei=survei,
            urutan=start + index,
            teks=unsur.pertanyaan,
            unsur=unsur.nama,
            tipe=Tipe.UNSUR_SKM,
            pilihan=unsur.pilihan,
            wajib=True,
        )
        for index, unsur in enumerate(UnsurSkm.objects.order_by("urutan"), start=1)
    ]
    return Pertanyaan.objects.bulk_create(rows)


def save_pertanyaan(pertanyaan: Pertanyaan) -> Pertanyaan:
    """Save a question from the builder (a new one goes after the survey's last question).

    Raises ValidationError (a dict by field) when an answered question's tipe, pilihan or bobot
    would change, or when the survey's unsur weights would no longer be usable (see bobot_problem).
    """
    if pertanyaan.pk:
        _check_answered_unchanged(pertanyaan)
        stored = Pertanyaan.objects.get(pk=pertanyaan.pk)
        if _is_skm_unsur(stored) and pertanyaan.tipe != Tipe.UNSUR_SKM:
            raise ValidationError({"tipe": SKM_KEEPS_UNSUR})
    if pertanyaan.tipe == Tipe.UNSUR_SKM or pertanyaan.bobot is not None:
        _check_weights_with(pertanyaan)
    if not pertanyaan.urutan:
        last = (
            pertanyaan.survei.pertanyaan_set.aggregate(last=Max("urutan"))["last"] or 0
        )
        pertanyaan.urutan = last + 1
    pertanyaan.save()
    return pertanyaan


def _check_answered_unchanged(pertanyaan: Pertanyaan) -> None:
    stored = Pertanyaan.objects.get(pk=pertanyaan.pk)
    changed = [
        name
        for name in Pertanyaan.FIELDS_LOCKED_BY_ANSWERS
        if getattr(stored, name) != getattr(pertanyaan, name)
    ]
    if changed and stored.jawaban_set.exists():
        raise ValidationError(
            {
                name: "Pertanyaan ini sudah dijawab: hanya kata-katanya yang dapat diubah."
                for name in changed
            }
        )


def _check_weights_with(pertanyaan: Pertanyaan) -> None:
    others = pertanyaan.survei.pertanyaan_set.filter(tipe=Tipe.UNSUR_SKM).exclude(
        pk=pertanyaan.pk
    )
    weights = list(others.values_list("bobot", flat=True))
    if pertanyaan.tipe == Tipe.UNSUR_SKM:
        weights.append(pertanyaan.bobot)
    elif pertanyaan.bobot is not None:
        raise ValidationError(
            {"bobot": "Bobot hanya berlaku untuk pertanyaan bertipe unsur SKM."}
        )
    problem = bobot_problem(weights)
    if problem:
        raise ValidationError({"bobot": problem})


SKM_KEEPS_UNSUR = (
    "Survei SKM wajib memuat kesembilan unsur PermenPANRB 14/2017: unsur tidak dapat "
    "dihapus atau diubah tipenya (kata-katanya boleh disesuaikan)."
)


def _is_skm_unsur(pertanyaan: Pertanyaan) -> bool:
    return (
        pertanyaan.tipe == Tipe.UNSUR_SKM
        and pertanyaan.survei.jenis == Survei.Jenis.SKM
    )


def delete_pertanyaan(pertanyaan: Pertanyaan) -> None:
    """Delete a question that nobody has answered yet.

    Raises ValidationError once answers exist: removing it would silently change results.
    """
    if pertanyaan.jawaban_set.exists():
        raise ValidationError("Pertanyaan yang sudah dijawab tidak dapat dihapus.")
    if _is_skm_unsur(pertanyaan):
        raise ValidationError(SKM_KEEPS_UNSUR)
    pertanyaan.delete()
