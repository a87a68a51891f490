"""Admin customisations of the home app (menus, reports, panels).

Kept as a list of small registrations; each says why it exists.
"""
