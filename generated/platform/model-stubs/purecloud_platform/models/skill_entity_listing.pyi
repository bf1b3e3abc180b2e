from .skill import SkillEntityListing as SkillEntityListing
