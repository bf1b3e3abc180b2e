from .social import SocialKeyword as SocialKeyword
