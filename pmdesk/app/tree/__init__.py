"""The requirement tree pane: its model, view, search and filter."""
