from .greeting import GreetingListing as GreetingListing
