"""A project's JSON snapshot: converting, checking, baselines, comparing."""
