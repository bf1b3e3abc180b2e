from .token import TokenInfoClonedUser as TokenInfoClonedUser
