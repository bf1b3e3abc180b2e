from .user import UserSkillEntityListing as UserSkillEntityListing
