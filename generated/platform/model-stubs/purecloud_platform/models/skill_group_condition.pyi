from .skill import SkillGroupCondition as SkillGroupCondition
