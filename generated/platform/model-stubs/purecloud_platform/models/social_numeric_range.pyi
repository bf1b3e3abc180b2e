from .social import SocialNumericRange as SocialNumericRange
