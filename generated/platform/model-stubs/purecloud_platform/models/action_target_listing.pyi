from .action import ActionTargetListing as ActionTargetListing
