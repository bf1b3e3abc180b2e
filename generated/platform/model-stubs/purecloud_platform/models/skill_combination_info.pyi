from .skill import SkillCombinationInfo as SkillCombinationInfo
