from .social import SocialExpression as SocialExpression
