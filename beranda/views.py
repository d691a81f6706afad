from django.shortcuts import render

from kinerja import queries as kinerja_queries
from organisasi import queries as organisasi_queries


def beranda(request):
    """Each role's home: what the user must do now first (every app's lines), then the cards."""
    user = request.user
    context = organisasi_queries.home_context(user)
    context["home_lines"] = [
        *organisasi_queries.home_lines(user),
        # LEAD: add `*indikator_queries.home_lines(user),` here once indikator has it.
        *kinerja_queries.home_lines(user),
    ]
    return render(request, "beranda/beranda.html", context)
