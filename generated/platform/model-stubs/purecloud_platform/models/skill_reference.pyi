from .skill import SkillReference as SkillReference
