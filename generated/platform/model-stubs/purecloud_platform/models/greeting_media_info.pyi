from .greeting import GreetingMediaInfo as GreetingMediaInfo
