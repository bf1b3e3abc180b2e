from .supported import SupportedContent as SupportedContent
