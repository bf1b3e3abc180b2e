from .dialer import DialerRule as DialerRule
