from .open import OpenRichMediaSetting as OpenRichMediaSetting
