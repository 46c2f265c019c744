"""A table region is focusable, a named landmark, and never unnamed (axe: scrollable-region-focusable)."""

import pytest
from django.template import engines

RENDER = engines["django"].from_string


def test_the_table_sits_in_a_focusable_region_named_by_its_label():
    html = RENDER(
        '{% load table_region %}{% table_region "Members of" name %}<table></table>{% endtable_region %}'
    ).render({"name": "Thursday group"})
    assert html == (
        '<div class="table-scroll" tabindex="0" role="region" aria-label="Members of Thursday group">'
        "<table></table></div>"
    )


def test_the_label_is_escaped_and_the_table_is_not():
    html = RENDER(
        "{% load table_region %}{% table_region name %}<table><td>{{ cell }}</td></table>{% endtable_region %}"
    ).render({"name": 'Cases of "Ben" <b>', "cell": "<i>"})
    assert 'aria-label="Cases of &quot;Ben&quot; &lt;b&gt;"' in html
    assert "<table><td>&lt;i&gt;</td></table>" in html


def test_a_region_without_a_name_is_refused():
    template = RENDER(
        "{% load table_region %}{% table_region name %}<table></table>{% endtable_region %}"
    )
    with pytest.raises(ValueError, match="needs a name"):
        template.render({"name": "  "})
