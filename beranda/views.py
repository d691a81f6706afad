from django.shortcuts import render

from organisasi import queries as organisasi_queries


def beranda(request):
    """Each role's home: what the user should see first, gathered from every app."""
    context = organisasi_queries.home_context(request.user)
    return render(request, "beranda/beranda.html", context)
