from .rich import RichLink as RichLink
