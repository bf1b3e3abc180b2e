from .cloned import ClonedUser as ClonedUser
