from .story import StorySetting as StorySetting
