"""pmdesk: an offline desktop roadmap and PRD editor for product managers."""

__version__ = "0.1.0"
