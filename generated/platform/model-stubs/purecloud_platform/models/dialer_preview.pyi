from .dialer import DialerPreview as DialerPreview
