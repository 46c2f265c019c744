"""``{% pager %}``: the one set of previous/next links under every paginated list."""

from django.core.paginator import Paginator
from django.template import Context, Template

LIST = Paginator(range(25), 10)  # three pages: 10, 10, 5


def render(page, arguments: str = "") -> str:
    template = Template('{% load pager %}{% pager page "Pages of things"' + arguments + " %}")
    return template.render(Context({"page": page}))


def test_the_first_page_links_only_forward():
    html = render(LIST.page(1))
    assert '<nav class="pagination" aria-label="Pages of things">' in html
    assert "Page 1 of 3" in html
    assert '<a href="?page=2">Next page</a>' in html
    assert "Previous page" not in html


def test_a_middle_page_links_both_ways():
    html = render(LIST.page(2))
    assert '<a href="?page=1">Previous page</a>' in html
    assert "Page 2 of 3" in html
    assert '<a href="?page=3">Next page</a>' in html


def test_the_last_page_links_only_back():
    html = render(LIST.page(3))
    assert '<a href="?page=2">Previous page</a>' in html
    assert "Page 3 of 3" in html
    assert "Next page" not in html


def test_a_list_of_one_page_has_no_pager():
    assert render(Paginator(range(3), 10).page(1)).strip() == ""


def test_the_filters_are_kept_in_front_of_the_page_escaped():
    html = render(LIST.page(2), ' query="status=open&due=week"')
    assert '<a href="?status=open&amp;due=week&amp;page=1">Previous page</a>' in html
    assert '<a href="?status=open&amp;due=week&amp;page=3">Next page</a>' in html


def test_the_links_say_where_they_lead_in_the_lists_words():
    html = render(LIST.page(2), ' previous_text="Newer" next_text="Older"')
    assert '<a href="?page=1">Newer</a>' in html and '<a href="?page=3">Older</a>' in html


def test_the_label_and_texts_are_escaped():
    template = Template("{% load pager %}{% pager page label previous_text=label %}")
    html = template.render(Context({"page": LIST.page(2), "label": "<b>x</b>"}))
    assert "<b>" not in html and 'aria-label="&lt;b&gt;x&lt;/b&gt;"' in html
