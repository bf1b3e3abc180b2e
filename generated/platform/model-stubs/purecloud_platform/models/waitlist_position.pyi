from .waitlist import WaitlistPosition as WaitlistPosition
