"""The typed intermediate representation; see model.py and docs/architecture.md."""
