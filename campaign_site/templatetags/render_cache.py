"""`{% remember_fragment "name" vary… %}…{% endremember_fragment %}`: a part of a
template kept until the content changes (campaign_site.render_cache).
`{% remember_fragment "name" vary… live_figures %}` keeps it at most
LIVE_FIGURES_SECONDS: for a part that shows counts.

Never put a form (CSRF token), or anything that depends on who is looking
inside one: only what every anonymous visitor of that language sees.

`{% live "name" %}…{% endlive %}`: a part drawn afresh on every request when its page
is kept whole (`render_cache.kept_page` names it among its live parts); elsewhere,
rendered as if the tag were not there. It may use only the page's context (not a
loop's or `with`'s variables), and no `{% include … only %}` may stand between it and
the page. Names are unique across templates.
"""

from django import template

from campaign_site.http_cache import LIVE_FIGURES_SECONDS
from campaign_site.render_cache import LIVE_PARTS, live_mark, live_nodes, remember

register = template.Library()


@register.tag
def remember_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    timeout = {}
    if bits[-1] == "live_figures":
        bits.pop()
        timeout = {"timeout": LIVE_FIGURES_SECONDS}
    nodelist = parser.parse(("endremember_fragment",))
    parser.delete_first_token()
    return RememberedFragment(nodelist, [parser.compile_filter(bit) for bit in bits[1:]], timeout)


class RememberedFragment(template.Node):
    def __init__(self, nodelist, parts, timeout):
        self.nodelist = nodelist
        self.parts = parts
        self.timeout = timeout

    def render(self, context):
        name, *vary = (part.resolve(context) for part in self.parts)
        live = context.get(LIVE_PARTS)
        if live:  # what a kept page holds has holes in it: never shared with a full render
            vary += ["holes", *sorted(live)]
        return remember(
            f"fragment:{name}",
            lambda: self.nodelist.render(context),
            vary=tuple(vary),
            request=context.get("request"),
            **self.timeout,
        )


@register.tag
def live(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} needs one quoted name")
    nodelist = parser.parse(("endlive",))
    parser.delete_first_token()
    node = LivePart(bits[1][1:-1], nodelist)
    live_nodes[node.name] = node
    return node


class LivePart(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        if self.name in (context.get(LIVE_PARTS) or ()):
            return live_mark(self.name)
        return self.nodelist.render(context)
