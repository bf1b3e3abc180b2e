from .social import SocialTopicRequest as SocialTopicRequest
