from .rich import RichLinkHeader as RichLinkHeader
