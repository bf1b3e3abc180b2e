from .skill import SkillGroup as SkillGroup
