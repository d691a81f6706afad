import pytest

from conftest import login_in_browser

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_asn_logs_in_by_nip_searches_directory_and_opens_profile(
    org, live_server, phone_page
):
    page = phone_page

    login_in_browser(page, live_server, org.staf.nip)
    page.goto(f"{live_server.url}/organisasi/pegawai/")
    page.get_by_label("Cari nama atau NIP").fill("Kasi")
    page.wait_for_selector("text=1 pegawai ditemukan.")
    page.get_by_role("link", name="Kasi A").click()

    assert page.get_by_role("heading", name="Kasi A").is_visible()
    assert page.get_by_text(f"NIP {org.kasi.nip}").is_visible()
    assert "Staf A1" in page.locator("main").inner_text()
