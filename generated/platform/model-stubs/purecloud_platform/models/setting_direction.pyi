from .setting import SettingDirection as SettingDirection
