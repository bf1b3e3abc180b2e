from .contactable import ContactableStatus as ContactableStatus
