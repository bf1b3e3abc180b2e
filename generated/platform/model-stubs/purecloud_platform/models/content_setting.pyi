from .content import ContentSetting as ContentSetting
