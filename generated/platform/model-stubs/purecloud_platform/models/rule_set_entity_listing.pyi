from .rule import RuleSetEntityListing as RuleSetEntityListing
