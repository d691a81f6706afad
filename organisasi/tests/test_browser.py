import pytest

from conftest import login_in_browser
from organisasi.models import PenerbitanAkun
from organisasi.tasks import issue_accounts_task
from organisasi.tests.factories import PegawaiFactory

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


def test_the_account_job_page_follows_the_job_until_the_download_is_offered(
    org, live_server, desktop_page
):
    PegawaiFactory(jabatan=org.staf.jabatan, akun=None)
    page = desktop_page
    login_in_browser(page, live_server, org.admin.nip)
    job = PenerbitanAkun.objects.create(
        unit=org.opd_a, diminta_oleh=org.admin.akun
    )  # as queued, no broker here
    page.goto(f"{live_server.url}{job.get_absolute_url()}")
    page.wait_for_selector("text=Menunggu giliran")

    issue_accounts_task(job_id=str(job.pk))  # what the worker does

    page.wait_for_selector("text=Unduh berkas kata sandi", timeout=6_000)
    assert "1 akun diterbitkan" in page.locator("main").inner_text()
