"""The SDK runtime: plain Python copied verbatim into every generated package.

This ``__init__`` is not copied (each SDK renders its own); every other module here is.
Modules use relative imports only and import nothing from ``generator``.
"""
