"""Every query parameter and form field arrives normalised; passwords arrive as typed."""

from django.http import HttpResponse
from django.test import RequestFactory

from supervision.middleware import NormalisedInputMiddleware


def _seen(request):
    middleware = NormalisedInputMiddleware(lambda request: HttpResponse())
    middleware(request)
    return request


def test_query_parameters_and_form_fields_lose_control_characters_and_gain_nfc():
    request = _seen(
        RequestFactory().post(
            "/cases/new/?q=a%00b",
            {"pseudonym": "Zoe\u0301\x00", "notes": ["one\x00", "two"], "password1": "pa\x00ss"},
        )
    )
    assert request.GET["q"] == "ab"
    assert request.POST["pseudonym"] == "Zoé"
    assert request.POST.getlist("notes") == ["one", "two"]
    assert request.POST["password1"] == "pa\x00ss"


def test_clean_input_is_left_as_it_came():
    request = RequestFactory().get("/worksheets/?q=fear")
    query = request.GET
    assert _seen(request).GET is query
