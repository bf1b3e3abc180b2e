"""IR -> generated project: render (pure) -> format (ruff) -> write (atomic swap)."""

from .settings import RenderSettings
from .sdk import render_sdk
from .views import RenderError

__all__ = ["RenderError", "RenderSettings", "render_sdk"]
