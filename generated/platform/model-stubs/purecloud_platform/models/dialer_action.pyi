from .dialer import DialerAction as DialerAction
