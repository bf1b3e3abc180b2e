from .context import ContextEntity as ContextEntity
