from .dialer import DialerContact as DialerContact
