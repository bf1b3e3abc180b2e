from .social import SocialTopicResponse as SocialTopicResponse
