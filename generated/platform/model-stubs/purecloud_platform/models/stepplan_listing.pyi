from .stepplan import StepplanListing as StepplanListing
