from .step import StepListing as StepListing
