from .action import ActionEntityListing as ActionEntityListing
