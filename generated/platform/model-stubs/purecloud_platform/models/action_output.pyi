from .action import ActionOutput as ActionOutput
