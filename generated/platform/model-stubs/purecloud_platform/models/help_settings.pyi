from .help import HelpSettings as HelpSettings
