from .help import HelpLink as HelpLink
