from .contact import ContactColumnTimeZone as ContactColumnTimeZone
