# Varnish in front of the campaign site: the reference setup (README, "Production").
#
#   varnishd -a :80 -f /path/to/deploy/varnish/default.vcl -s malloc,256m
#
# The app nodes below are the gunicorn processes (edit their addresses); Varnish
# spreads requests over the healthy ones and serves stale pages for up to a day
# when none answers. The site tells Varnish what to keep (Cache-Control, see
# campaign_site/http_cache.py) and what to drop (HTTP PURGE on publish, sent by
# wagtail.contrib.frontend_cache with FRONTEND_CACHE=varnish).
vcl 4.1;

import directors;
import std;

probe health {
    .url = "/health/";
    .interval = 5s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
    # Start healthy: a node that fails its probes is taken out within 15 s.
    .initial = 3;
}

backend node1 { .host = "127.0.0.1"; .port = "8001"; .probe = health; }
backend node2 { .host = "127.0.0.1"; .port = "8002"; .probe = health; }

# Who may purge: the app nodes (their task worker sends the PURGE requests).
acl purgers { "127.0.0.1"; "::1"; }

# Who may read /health/ through Varnish: the load balancer's probes (edit for yours).
# Varnish's own probes above go straight to the nodes. Anyone else is refused: the
# report is never cached and costs a node several storage calls per request.
acl health_checkers { "127.0.0.1"; "::1"; "10.0.0.0"/8; "172.16.0.0"/12; "192.168.0.0"/16; }

sub vcl_init {
    new nodes = directors.round_robin();
    nodes.add_backend(node1);
    nodes.add_backend(node2);
}

sub vcl_recv {
    # Set by this VCL only (vcl_deliver reads it), never taken from a client.
    unset req.http.X-Cross-Origin-Read;
    # A path that percent-encodes a letter, a digit or -._~ names the same page as the
    # plain path and would be a copy of its own, fetched afresh at will (and would slip
    # past the path rules below): no browser, and no link of the site, writes one so.
    if (req.url ~ "^[^?]*%(?i:2[de]|3[0-9]|[46][1-9a-f]|[57][0-9a]|5f|7e)") {
        return (synth(400, "Bad Request"));
    }
    # One copy per site, whatever case or default port the Host header is written in.
    set req.http.host = std.tolower(regsub(req.http.host, ":(80|443)$", ""));
    set req.backend_hint = nodes.backend();
    # While an app node answers, an expired copy is served for at most 10 s more
    # (while Varnish fetches a fresh one): pages stay at most a minute old, live
    # figures at most 10 s (their Cache-Control says so). Only when no node answers
    # does the day of grace below apply.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # A URL ending in * drops everything under it: listings whose query strings
        # no purge can enumerate (the APIs, widgets, tags, pages of an index).
        if (req.url ~ "\*$") {
            std.ban("req.http.host == " + req.http.host + " && req.url ~ ^" + regsub(req.url, "\*$", ""));
            return (synth(200, "Banned"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The health report, to the load balancer only. Varnish adds the client to
    # X-Forwarded-For before this: a comma means someone else forwarded the request,
    # so a visitor relayed by a load balancer in the ACL is refused too.
    if (req.url ~ "^/health(/|\?|$)") {
        if (client.ip !~ health_checkers || req.http.X-Forwarded-For ~ ",") {
            return (synth(403, "Forbidden"));
        }
        return (pass);
    }
    # The admin is never cached.
    if (req.url ~ "^/admin(/|\?|$)") {
        return (pass);
    }
    # Editors and visitors of password-protected pages have a session: theirs
    # are private answers. Every other cookie means nothing to the site.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    call normalise_query;
    call normalise_negotiation;
    call open_cross_origin_reads;
    return (hash);
}

# Cross-origin reads (settings.CORS_URLS_REGEX: the APIs, the open data, a petition's
# count) are open to every origin, without credentials (campaign_site/cors.py). The app
# echoes each Origin back with Vary: Origin, so every site (or a forged header) would
# get a copy of its own: Varnish asks without it and answers "*" itself.
sub open_cross_origin_reads {
    if (req.http.Origin && req.url ~ "^/(api/|open-data/|petitions/[0-9a-f-]+/count\.json(\?|$))") {
        unset req.http.Origin;
        set req.http.X-Cross-Origin-Read = "1";
    }
}

sub vcl_backend_fetch {
    unset bereq.http.X-Cross-Origin-Read;
}

# Every distinct URL is a separate copy, so a query parameter no view reads would let
# anyone make the app render a page afresh at will (?x=1, ?x=2, ...). Outside the APIs,
# only the parameters public views read reach the app, in a fixed order.
sub normalise_query {
    if (req.url !~ "\?") {
        return;
    }
    if (req.url ~ "^/api/") {
        # The APIs' filters are open-ended (and they refuse parameters they do not know):
        # only campaign links' tracking parameters go.
        set req.url = regsuball(req.url, "(?i)(?<=[?&])(utm_[^&=]*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga)(=[^&]*)?(?=&|$)", "");
    } else {
        set req.http.X-Query = "&" + regsub(req.url, "^[^?]*\?", "");
        # The parameters public views read, exactly as they spell them (Django's are
        # case-sensitive). tests/test_varnish_config.py fails when the code reads one
        # that is not here: add it to this list. (The widgets' ?frame= is read by their
        # script in the browser, which still sees it.)
        set req.http.X-Query = regsuball(req.http.X-Query, "&(?!(?:category|format|lang|maxheight|maxwidth|needs_sponsor|next|p|page|partner|q|r|status|tag|theme|type|url)(?:=|&|$))[^&]*", "");
        set req.url = regsub(req.url, "\?.*$", "") + "?" + req.http.X-Query;
        unset req.http.X-Query;
    }
    set req.url = regsuball(req.url, "&{2,}", "&");
    set req.url = regsub(req.url, "\?&", "?");
    set req.url = regsub(req.url, "[?&]+$", "");
    set req.url = std.querysort(req.url);
}

# Request headers the app's answers vary on: a few values each, or none, rather than
# one copy per browser's exact header.
sub normalise_negotiation {
    # Language-prefixed pages take their language from the path, the URLs of
    # SiteLocaleMiddleware.LANGUAGE_NEUTRAL_PREFIXES and uploads do not vary on it, and
    # the sitemap, open data and widgets say Vary: Accept-Language but answer the same
    # bytes whatever it says (?lang= chooses). Elsewhere (/ and unprefixed paths, which
    # redirect to /<language>/...) it chooses the language: keep the first of the
    # site's languages the visitor lists, or the default.
    if (req.url ~ "^/(en|fr|hy)(/|\?|$)" || req.url ~ "^/(api/|embed|oembed|admin/|documents/|health/|share-cards/|favicon\.ico|robots\.txt|petitions/|media/|static/|sitemap\.xml|open-data/)") {
        unset req.http.Accept-Language;
    } else {
        set req.http.Accept-Language = std.tolower(regsub(req.http.Accept-Language, "(?i)^.*?\b(en|fr|hy)\b.*$", "\1"));
        if (req.http.Accept-Language !~ "^(en|fr|hy)$") {
            set req.http.Accept-Language = "en";
        }
    }
    # The content API answers JSON, or its browsable HTML to a browser (Vary: Accept).
    if (req.url ~ "^/api/v2/") {
        if (req.http.Accept ~ "text/html") {
            set req.http.Accept = "text/html";
        } else {
            set req.http.Accept = "application/json";
        }
    }
}

sub vcl_backend_response {
    # Keep every object a day past its freshness, to serve while the site is down.
    set beresp.grace = 24h;
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-cache|no-store)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Compress what the site did not (the site compresses its own pages).
    if (beresp.http.Content-Type ~ "^(text/|application/(json|javascript|xml|rss|atom))") {
        set beresp.do_gzip = true;
    }
}

sub vcl_deliver {
    if (req.http.X-Cross-Origin-Read) {
        set resp.http.Access-Control-Allow-Origin = "*";
    }
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
