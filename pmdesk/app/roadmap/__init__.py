"""The roadmap timeline pane."""
