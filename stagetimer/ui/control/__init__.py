"""The stage manager's Control window: agenda table, live panel, keys, menus."""
