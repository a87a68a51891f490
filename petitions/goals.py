"""The goal ladder: the next round number above the count, so there is always a goal ahead.

100, 250, 500, 1,000, 2,500, 5,000, 10,000, 25,000, 50,000, 100,000, 250,000, …
"""

LADDER_STEPS = (1, 2.5, 5)
FIRST_GOAL = 100


def ladder():
    """The ladder's rungs, without end."""
    magnitude = FIRST_GOAL
    while True:
        for step in LADDER_STEPS:
            yield int(magnitude * step)
        magnitude *= 10


def next_goal(count, fixed_goal=0):
    """The goal to show above `count`.

    A goal set by editors is used while the count is below it; once it is reached
    (or when none is set) the next rung of the ladder strictly above the count.
    """
    if fixed_goal and count < fixed_goal:
        return fixed_goal
    for rung in ladder():
        if rung > count:
            return rung
    raise AssertionError("unreachable: the ladder has no end")  # pragma: no cover
