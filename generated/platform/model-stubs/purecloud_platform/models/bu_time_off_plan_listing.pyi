from .bu import BuTimeOffPlanListing as BuTimeOffPlanListing
