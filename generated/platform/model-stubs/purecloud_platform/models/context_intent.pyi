from .context import ContextIntent as ContextIntent
