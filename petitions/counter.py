"""A petition's public counter in the one shape every output uses.

The counter URL (count.json), the widgets API, Wagtail's content API and the
sign form's JSON answer each show some of these keys; all of them come from
`counter_payload`, so a figure is computed, and named, once. Names follow OSDI's
petition resource where one exists (total_signatures), so partners' tools read them.
"""

# What each output has always shown; partners rely on these keys.
COUNT_URL_FIELDS = (
    "total_signatures",
    "online_signatures",
    "offline_signatures",
    "goal",
    "percent",
    "status",
    "is_open",
)
CONTENT_API_FIELDS = ("status", "is_open", "total_signatures", "goal", "percent")
SIGNED_ANSWER_FIELDS = ("total_signatures", "goal")


def counter_payload(petition, counts=None, *, fields=None):
    """Status, count and goal of `petition`; only `fields` when given.

    `counts` saves a query when the caller already has `petition.counts()`.
    """
    counts = petition.counts() if counts is None else counts
    payload = {
        "status": petition.status,
        "is_open": petition.is_open,
        "total_signatures": counts.total,
        "online_signatures": counts.online,
        "offline_signatures": counts.offline,
        "goal": counts.goal,
        "percent": counts.percent,
    }
    if fields is None:
        return payload
    return {name: payload[name] for name in fields}
