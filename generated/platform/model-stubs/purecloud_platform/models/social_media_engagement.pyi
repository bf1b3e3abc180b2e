from .social import SocialMediaEngagement as SocialMediaEngagement
