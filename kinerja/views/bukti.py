"""Evidence: added to an activity, served only through a permission check, removed while editable."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from core.errors import flash_errors
from kinerja import permissions, services
from kinerja.forms import BuktiForm
from kinerja.models import Aktivitas, BuktiDukung
from organisasi.permissions import get_for_user


@require_POST
def aktivitas_bukti_add(request, pk):
    aktivitas = get_for_user(
        Aktivitas.objects.select_related("pegawai"),
        request.user,
        pk,
        edit=permissions.can_edit_aktivitas,
    )
    form = BuktiForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect(aktivitas)
    try:
        services.attach_bukti(
            aktivitas,
            berkas=form.cleaned_data["berkas"],
            tautan=form.cleaned_data["tautan"],
            kunci=form.cleaned_data["kunci"],
        )
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, "Bukti dukung ditambahkan.")
    return redirect(aktivitas)


def bukti_download(request, pk):
    """The file, for those who see its owner: always a download, never rendered by the browser."""
    bukti = get_for_user(BuktiDukung.objects.all(), request.user, pk)
    if not bukti.is_file:
        raise Http404("Bukti ini berupa tautan.")
    try:
        handle = bukti.berkas.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas bukti tidak ditemukan.") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=bukti.nama_asli or bukti.berkas.name.rsplit("/", 1)[-1],
        content_type=bukti.jenis_konten or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_POST
def bukti_delete(request, pk):
    bukti = get_for_user(
        BuktiDukung.objects.select_related(
            "aktivitas__pegawai",
            "realisasi__pegawai",
            "realisasi__periode_penilaian__periode",
        ),
        request.user,
        pk,
        edit=permissions.can_edit_bukti,
    )
    owner = bukti.aktivitas or bukti.realisasi
    try:
        services.delete_bukti(bukti)
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, "Bukti dukung dihapus.")
    return redirect(owner)
