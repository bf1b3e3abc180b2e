from .instagram import InstagramHashtags as InstagramHashtags
