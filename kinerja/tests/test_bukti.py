import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kinerja import bukti
from kinerja.tests.conftest import gps_exif, image_bytes

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def _zip(*names) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "jenis"),
    [
        (PDF, "pdf"),
        (image_bytes("JPEG", (10, 10)), "jpg"),
        (image_bytes("PNG", (10, 10)), "png"),
        (_zip("[Content_Types].xml", "xl/workbook.xml"), "xlsx"),
        (_zip("[Content_Types].xml", "word/document.xml"), "docx"),
        (_zip("readme.txt"), None),
        (b"MZ\x90\x00executable", None),
        (b"<html><script>alert(1)</script>", None),
    ],
)
def test_type_is_read_from_the_content(content, jenis):
    assert bukti.detect_type(content) == jenis


def test_a_file_over_the_limit_is_refused(settings):
    settings.KINERJA_MAX_BUKTI_BYTES = 1024

    with pytest.raises(ValidationError, match="terlalu besar"):
        bukti.check_upload(SimpleUploadedFile("laporan.pdf", PDF + b"0" * 2000))


def test_the_default_limit_is_five_megabytes():
    assert bukti.max_bytes() == 5 * 1024 * 1024


def test_a_file_of_another_type_is_refused_whatever_its_name():
    with pytest.raises(ValidationError, match="Jenis berkas tidak diterima"):
        bukti.check_upload(SimpleUploadedFile("foto.jpg", b"MZ\x90\x00 a program"))


def test_a_name_that_lies_about_the_content_is_refused():
    with pytest.raises(ValidationError, match="tidak sesuai dengan namanya"):
        bukti.check_upload(
            SimpleUploadedFile("laporan.pdf", image_bytes("PNG", (20, 20)))
        )


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="kosong"):
        bukti.check_upload(SimpleUploadedFile("kosong.pdf", b""))


def test_a_photo_is_downscaled_and_loses_its_location():
    original = image_bytes("JPEG", (3200, 2400), exif=gps_exif())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)

    checked = bukti.check_upload(SimpleUploadedFile("IMG_0001.JPG", original))

    stored = Image.open(io.BytesIO(checked.content))
    assert (checked.jenis, checked.extension, checked.jenis_konten) == (
        "jpg",
        ".jpg",
        "image/jpeg",
    )
    assert max(stored.size) == bukti.PHOTO_MAX_SIDE
    assert dict(stored.getexif()) == {}
    assert "exif" not in stored.info


def test_a_broken_photo_is_refused():
    with pytest.raises(ValidationError, match="tidak dapat dibaca"):
        bukti.check_upload(
            SimpleUploadedFile("foto.jpg", b"\xff\xd8\xff\xe0 not really a jpeg")
        )


def test_a_document_is_stored_as_it_came():
    content = _zip("[Content_Types].xml", "word/document.xml")

    checked = bukti.check_upload(SimpleUploadedFile("Surat Tugas.docx", content))

    assert (checked.content, checked.nama_asli, checked.extension) == (
        content,
        "Surat Tugas.docx",
        ".docx",
    )
