from .decision import DecisionTableListing as DecisionTableListing
