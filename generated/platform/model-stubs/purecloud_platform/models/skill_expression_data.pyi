from .skill import SkillExpressionData as SkillExpressionData
