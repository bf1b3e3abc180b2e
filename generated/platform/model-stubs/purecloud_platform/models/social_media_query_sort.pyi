from .social import SocialMediaQuerySort as SocialMediaQuerySort
