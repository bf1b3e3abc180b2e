from .contests import ContestsEssentials as ContestsEssentials
