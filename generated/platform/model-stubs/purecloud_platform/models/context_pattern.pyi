from .context import ContextPattern as ContextPattern
