from .open import OpenSocialMediaChannel as OpenSocialMediaChannel
