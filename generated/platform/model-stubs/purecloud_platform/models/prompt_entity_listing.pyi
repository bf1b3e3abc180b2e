from .prompt import PromptEntityListing as PromptEntityListing
