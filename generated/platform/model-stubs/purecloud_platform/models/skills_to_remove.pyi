from .skills import SkillsToRemove as SkillsToRemove
