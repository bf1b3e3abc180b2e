from .greeting import GreetingOwner as GreetingOwner
