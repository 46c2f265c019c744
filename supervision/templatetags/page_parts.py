"""``{% keep "name" %}…{% endkeep %}``: a stretch of a template kept as a page part.

What is between the tags is rendered through ``supervision.page_parts.part`` with the
request's context, so it is served from the cache for the same person and address until a
table it was read from is written (its lazy values, such as the roles and the navigation, are
read while it renders and so noted). Without a request in the context it is simply rendered.
"""

from django import template

from supervision.page_parts import part

register = template.Library()


class KeepNode(template.Node):
    def __init__(self, name: str, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context) -> str:
        request = getattr(context, "request", None)
        if request is None or not hasattr(request, "user"):
            return self.nodelist.render(context)
        return part(request, self.name, lambda: self.nodelist.render(context))


@register.tag
def keep(parser, token):
    """``{% keep "name" %}`` … ``{% endkeep %}``; the name says which part it is."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('{% keep %} takes one quoted name: {% keep "name" %}')
    nodelist = parser.parse(("endkeep",))
    parser.delete_first_token()
    return KeepNode(bits[1][1:-1], nodelist)
