from .dialer import DialerContactId as DialerContactId
