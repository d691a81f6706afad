"""Evidence files as a rule without the database: what a file really is, and a photo made safe.

The type is read from the content (magic bytes; for xlsx/docx the parts inside the zip), never
from the name; a name whose extension says another type is refused. Photos are downscaled and
re-encoded without their metadata (EXIF, GPS location, comments).
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, ImageOps, UnidentifiedImageError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_SIDE = 1600
JPEG_QUALITY = 82

# type → (content type, extension stored, extensions a name may carry)
TYPES = {
    "pdf": ("application/pdf", ".pdf", {".pdf"}),
    "jpg": ("image/jpeg", ".jpg", {".jpg", ".jpeg"}),
    "png": ("image/png", ".png", {".png"}),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xlsx",
        {".xlsx"},
    ),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx",
        {".docx"},
    ),
}
ALLOWED = "PDF, JPG, PNG, XLSX atau DOCX"


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed the checks: the bytes to store and what to record about it."""

    content: bytes
    jenis: str
    jenis_konten: str
    nama_asli: str
    extension: str


def max_bytes() -> int:
    return getattr(settings, "KINERJA_MAX_BUKTI_BYTES", DEFAULT_MAX_BYTES)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",").replace(",0", "")


def detect_type(content: bytes) -> str | None:
    """pdf, jpg, png, xlsx or docx from the bytes themselves; None for anything else."""
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if content.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(content)).namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
            return "xlsx"
        if "[Content_Types].xml" in names and "word/document.xml" in names:
            return "docx"
    return None


def check_upload(upload) -> CheckedFile:
    """Read and check an uploaded evidence file; photos come back downscaled and without metadata.

    Raises ValidationError (Indonesian) for a file over the size limit, an empty file, a type
    other than pdf/jpg/png/xlsx/docx, or a name whose extension contradicts the content.
    """
    limit = max_bytes()
    if upload.size > limit:
        raise ValidationError(
            f"Berkas terlalu besar ({_megabytes(upload.size)} MB); paling besar {_megabytes(limit)} MB."
        )
    upload.seek(0)
    content = upload.read(limit + 1)
    if len(content) > limit:
        raise ValidationError(
            f"Berkas terlalu besar; paling besar {_megabytes(limit)} MB."
        )
    if not content:
        raise ValidationError("Berkas kosong.")
    jenis = detect_type(content)
    if jenis is None:
        raise ValidationError(f"Jenis berkas tidak diterima. Unggah {ALLOWED}.")
    name = PurePosixPath(upload.name or "bukti").name[-200:]
    suffix = PurePosixPath(name).suffix.lower()
    jenis_konten, extension, extensions = TYPES[jenis]
    if suffix and suffix not in extensions:
        raise ValidationError(
            f"Isi berkas tidak sesuai dengan namanya: berkas “{name}” sebenarnya {jenis.upper()}."
        )
    if jenis in ("jpg", "png"):
        content = clean_photo(content, jenis)
    return CheckedFile(content, jenis, jenis_konten, name, extension)


def clean_photo(content: bytes, jenis: str) -> bytes:
    """The photo turned upright, at most PHOTO_MAX_SIDE pixels wide or high, re-encoded without metadata."""
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
    except Image.DecompressionBombError:
        raise ValidationError("Gambar terlalu besar untuk diproses.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            "Gambar tidak dapat dibaca; ambil ulang fotonya."
        ) from None
    image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
    image.info = {}  # drop EXIF, GPS, XMP, ICC and comments carried over from the original
    buffer = io.BytesIO()
    if jenis == "jpg":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
