from .skill import SkillExpression as SkillExpression
