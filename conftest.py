"""Project-wide fixtures. Test-only adjustments live here, not in a settings fork."""

import importlib
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.apps import apps as django_apps

from organisasi.tests.factories import build_org


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    settings.AXES_ENABLED = False
    settings.CELERY_TASK_ALWAYS_EAGER = False


# Reference rows written by data migrations. A transactional test (browser, real worker)
# ends with a flush that empties them, so such tests load them again first.
REFERENCE_DATA_MIGRATIONS = [
    ("organisasi.migrations.0003_mutu_unsur_skm_data", "add_data"),
    ("indikator.migrations.0002_berakhlak", "seed"),
    ("kinerja.migrations.0002_aturan_awal", "seed"),
]


def _load_reference_data():
    for module, function in REFERENCE_DATA_MIGRATIONS:
        getattr(importlib.import_module(module), function)(django_apps, None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """With --reuse-db the database may come from a run whose last test flushed it: reload once."""
    with django_db_blocker.unblock():
        _load_reference_data()


@pytest.fixture(autouse=True)
def _reference_data_after_flush(request):
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    if not transactional:
        return
    request.getfixturevalue("transactional_db")
    _load_reference_data()


@pytest.fixture
def org(db):
    """A small city: two OPD, a four-level chain in the first, one of each role."""
    return build_org()


# --- the permission table (STYLE §6): role × view → status, one helper for every app ---------

# The roles every table speaks of, and who plays them in the `org` fixture. A role a fixture
# adds (a pengelola of another OPD, say) comes in a mapping passed as `permission_table(cases, roles=...)`.
ROLE_USERS = {
    "anonim": lambda o: None,
    "staf": lambda o: o.staf.akun,
    "atasan": lambda o: o.kasi.akun,
    "pengelola": lambda o: o.pengelola.akun,
    "admin": lambda o: o.admin.akun,
    "pimpinan": lambda o: o.pimpinan,
    "staf_opd_lain": lambda o: o.staf_b.akun,
}


@dataclass(frozen=True)
class ViewCase:
    """One row of a permission table: a view, how to reach it, and the status each role gets.

    200 = allowed, 302 = redirected (to login, or after a successful POST), 403 = visible but
    not allowed, 404 = hidden. `url` takes the org fixture (and `data` for extra fixtures).
    """

    name: str
    method: str
    url: Callable
    expected: dict[str, int]
    data: dict | None = None


def permission_table(cases: list[ViewCase], roles: dict[str, Callable] | None = None):
    """Parametrise a test over every (case, role) of a table: `@permission_table(CASES)`."""
    roles = roles or ROLE_USERS
    params = [
        pytest.param(case, role, roles[role], id=f"{case.name}-{role}")
        for case in cases
        for role in case.expected
    ]
    return pytest.mark.parametrize(("case", "role", "user_for"), params)


def request_as(client, case: ViewCase, user, url: str):
    """Request the case's URL as the user (None = anonymous) and return the response."""
    if user is not None:
        client.force_login(user)
    return getattr(client, case.method)(url, case.data or {})


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright (browsers cannot be downloaded here)."""
    import os

    if not os.path.exists(CHROMIUM):
        pytest.skip(
            "Chromium tidak terpasang di /usr/bin/chromium (jalankan .ci/run atau apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def phone_page(chromium):
    """A page the size of a 360 px wide phone, in Indonesian, on WITA."""
    context = chromium.new_context(
        viewport={"width": 360, "height": 740},
        locale="id-ID",
        timezone_id="Asia/Makassar",
        is_mobile=True,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def desktop_page(chromium):
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900},
        locale="id-ID",
        timezone_id="Asia/Makassar",
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def login_in_browser(page, live_server, username, password="rahasia-uji-123"):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("NIP").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
