from .social import SocialHandle as SocialHandle
