from .skill import SkillGroupDefinition as SkillGroupDefinition
