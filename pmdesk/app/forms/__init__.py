"""Qt Designer forms compiled from ui/*.ui by packaging/compile_forms.py: edit the
form, not these modules, and run that script (tests/test_forms.py checks it was run)."""
